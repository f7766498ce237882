# onus example: deliberate misconfigurations, each marked "onus finds:" with the check that reports it.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

locals {
  name = "onus-example-${var.environment}"
  tags = {
    project     = "onus-example"
    environment = var.environment
  }
}

# Compliant: the module adds versioning, encryption and a TLS-only policy.
module "reports" {
  source     = "./modules/bucket"
  name       = "${local.name}-reports"
  versioning = true
  tags       = local.tags
}

# The same module, called with versioning off.
module "scratch" {
  source     = "./modules/bucket"
  name       = "${local.name}-scratch"
  versioning = false # onus finds: s3-bucket-versioning-enabled in onus-example-prod-scratch
  tags       = local.tags
}

resource "aws_security_group" "bastion" {
  name        = "${local.name}-bastion"
  description = "bastion hosts" # onus finds: ec2-security-group-no-open-admin-ports (the rule below opens RDP)
  vpc_id      = var.vpc_id
  tags        = local.tags
}

resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = aws_security_group.bastion.id
  protocol          = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_blocks       = [var.admin_cidr] # 0.0.0.0/0, from terraform.tfvars
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "${var.region}a"
  size              = 50
  encrypted         = false # onus finds: ec2-volume-encrypted
  tags              = local.tags
}

resource "aws_db_instance" "orders" {
  identifier                  = "${local.name}-orders"
  engine                      = "mysql"
  engine_version              = "8.0"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "orders"
  manage_master_user_password = true
  storage_encrypted           = true
  publicly_accessible         = false
  deletion_protection         = false # onus finds: rds-instance-deletion-protection
  backup_retention_period     = 7
  multi_az                    = true
  iam_database_authentication_enabled = true
  tags                        = local.tags
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/example/${local.name}"
  retention_in_days = 30 # onus finds: logs-log-group-retention (30 days, under the check's 365-day minimum)
  kms_key_id        = aws_kms_key.logs.arn
}

resource "aws_kms_key" "logs" {
  description         = "log encryption"
  enable_key_rotation = true
}

resource "aws_iam_role" "deployer" {
  name = "${local.name}-deployer"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" } # onus finds: iam-role-trust-not-public
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_sqs_queue" "jobs" {
  name                    = "${local.name}-jobs"
  sqs_managed_sse_enabled = false # onus finds: sqs-queue-encrypted
}

# onus:ignore sns-topic-encrypted public status notifications carry no data (ticket SEC-43)
resource "aws_sns_topic" "status" {
  name = "${local.name}-status"
}
