"""Application settings (an example of what not to do: credentials belong in a secret store)."""

import os

REGION = os.environ.get("AWS_REGION", "eu-west-1")

AWS_ACCESS_KEY_ID = "AKIAQ3T7ZK5M2XWP4R6N"  # planted: aws-access-key-id
AWS_SECRET_ACCESS_KEY = "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"  # planted: aws-secret-access-key

SLACK_BOT_TOKEN = "xoxb-48213957201-730194826513-Qm7Zt2Kp9Xw4Rv8Ln3Bj6Hc1"  # planted: slack-bot-token
