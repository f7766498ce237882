# Generates examples/demo-account.json (run from the repository root: python3 examples/tools/generate-demo-account.py).
# The snapshot it writes is validated by the test suite; edit here, regenerate, and commit both.
# Resources of later kinds live in demo_parts/*.py, one file per area: each may define GLOBAL, US_EAST_1,
# EU_WEST_1 and AP_SOUTHEAST_2 (lists of resources) and KINDS (kinds collected even if no resource has them).
import glob as globfiles, importlib.util, json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from demo_common import A, T, ago, r
def key(id,status,created,used):
    return {'id':id,'status':status,'createdAt':created,'lastUsedAt':used}
# Groups and policies of the users above (demo_parts/10_iam.py holds the groups, roles and policies themselves).
USER_IAM={
 'alice.nguyen':{'groups':['platform-admins']},
 'bob.martins':{'groups':['data-engineers']},
 'carol.osei':{'groups':['security-audit','platform-admins']},
 'dave.kowalski':{'groups':['finance'],'attached':['arn:aws:iam::aws:policy/AdministratorAccess']},
 'ci-deploy':{'inline':[{'name':'deploy','document':{'Version':'2012-10-17','Statement':[{'Sid':'Deploy','Effect':'Allow','Action':['cloudformation:*','s3:*','iam:PassRole'],'Resource':'*'}]}}]},
 'backup-agent':{'groups':['backup-operators']},
 'legacy-reporting':{'inline':[{'name':'reporting-temp-full-access','document':{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}}]},
}
def user(name,pw,mfa,keys,created,pwused=None,tags=None,attached=(),inline=(),groups=()):
    extra=USER_IAM.get(name,{})
    attached=list(attached) or extra.get('attached',[]); inline=list(inline) or extra.get('inline',[]); groups=list(groups) or extra.get('groups',[])
    # The user's access-advisor report lives with the unused-access part (demo_parts/85_unused_access.py).
    accessed,gaps=importlib.import_module('demo_parts.85_unused_access').last_accessed('user',name)
    return r('iam.user',name,{'name':name,'createdAt':created,'passwordEnabled':pw,'passwordLastUsed':pwused,'mfaActive':mfa,'accessKeys':keys,'attachedManagedPolicies':list(attached),'inlinePolicies':list(inline),'groups':list(groups),**accessed},arn=f'arn:aws:iam::{A}:user/{name}',tags=tags,gaps=gaps)
PAB_ON={'blockPublicAcls':True,'ignorePublicAcls':True,'blockPublicPolicy':True,'restrictPublicBuckets':True}
def tls_deny(b, action='s3:*', principal='*', extra=None):
    cond={'Bool':{'aws:SecureTransport':'false'}}
    if extra: cond.update(extra)
    return {'Sid':'DenyInsecureTransport','Effect':'Deny','Principal':principal,'Action':action,'Resource':[f'arn:aws:s3:::{b}',f'arn:aws:s3:::{b}/*'],'Condition':cond}
# The demo company versions and access-logs the buckets that hold classified data (tagged data-classification),
# not the others; ACLs are off (the default for new buckets) and nobody uses MFA Delete unless a part says so.
OWNER_GRANT={'granteeType':'CanonicalUser','grantee':'79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be','permission':'FULL_CONTROL'}
def bucket(name,region,pab,policy,enc=('AES256',None),created=None,tags=None,gaps=None,versioning=False,mfa_delete=False,acl=None,ownership='BucketOwnerEnforced',logging=False):
    classified='data-classification' in (tags or {})
    if versioning is False: versioning='Enabled' if classified else None
    if logging is False: logging={'targetBucket':'acme-s3-access-logs','targetPrefix':f'{name}/'} if classified else None
    attrs={'name':name,'createdAt':created or ago(900),'publicAccessBlock':pab,'policy':policy,
           'defaultEncryption':{'algorithm':enc[0],'kmsKeyId':enc[1],'bucketKeyEnabled':enc[0]!='AES256'},
           'versioning':versioning,'mfaDelete':mfa_delete,'acl':acl if acl is not None else [OWNER_GRANT],'objectOwnership':ownership,'logging':logging}
    if gaps:
        for g in gaps: attrs.pop(g['field'],None)
    return r('s3.bucket',name,attrs,arn=f'arn:aws:s3:::{name}',tags=tags,gaps=gaps)
def rule(proto,fr,to,v4=(),v6=(),groups=(),desc=None):
    return {'protocol':proto,'fromPort':fr,'toPort':to,'ipv4Ranges':list(v4),'ipv6Ranges':list(v6),'prefixListIds':[],'sourceGroupIds':list(groups),'description':desc}
EGRESS=[rule('-1',None,None,['0.0.0.0/0'])]
def sg(region,gid,name,vpc,desc,ingress,tags=None):
    return r('ec2.security-group',gid,{'groupId':gid,'groupName':name,'vpcId':vpc,'description':desc,'ingress':ingress,'egress':EGRESS},arn=f'arn:aws:ec2:{region}:{A}:security-group/{gid}',tags=tags)
# Each demo VPC's (public, private) subnets, as demo_parts/70_secrets_network.py defines them: an instance with a
# public address sits in the public one.
SUBNETS={'vpc-0f00d1e2a3b4c5d60':('subnet-0a1','subnet-0a2'),'vpc-0e11a2b3c4d5e6f70':('subnet-0e1','subnet-0e2'),'vpc-0c21d2e3f4a5b6c70':('subnet-0c1','subnet-0c1')}
def inst(region,iid,state,itype,tokens,vpc,pub=None,profile=None,tags=None,subnet=None):
    return r('ec2.instance',iid,{'instanceId':iid,'state':state,'instanceType':itype,'imageId':'ami-0c7217cdde317cfec','vpcId':vpc,'subnetId':subnet or SUBNETS[vpc][0 if pub else 1],'publicIpAddress':pub,'iamInstanceProfileArn':profile,
        'metadataOptions':{'httpEndpoint':'enabled','httpTokens':tokens,'httpPutResponseHopLimit':2 if tokens=='required' else 1}},arn=f'arn:aws:ec2:{region}:{A}:instance/{iid}',tags=tags)
def ebs(region,enabled,kms=None,gaps=None):
    attrs={'enabled':enabled,'kmsKeyId':kms}
    if gaps:
        for g in gaps: attrs.pop(g['field'],None)
    return r('ec2.ebs-encryption-by-default',region,attrs,gaps=gaps)
def trail(region,name,multi,logging,validation,bucket,kms,mgmt=(True,True),org=False,cwl=None,delivered=None,s3data=(False,False)):
    return r('cloudtrail.trail',f'arn:aws:cloudtrail:{region}:{A}:trail/{name}',{'name':name,'homeRegion':region,'isMultiRegionTrail':multi,'isOrganizationTrail':org,'isLogging':logging,'logFileValidationEnabled':validation,'s3BucketName':bucket,'kmsKeyId':kms,'managementEvents':{'read':mgmt[0],'write':mgmt[1]},
        'cloudWatchLogsLogGroupArn':f'arn:aws:logs:{region}:{A}:log-group:{cwl}:*' if cwl else None,'latestCloudWatchLogsDeliveryAt':delivered,'s3DataEvents':{'read':s3data[0],'write':s3data[1]}},arn=f'arn:aws:cloudtrail:{region}:{A}:trail/{name}')
# A detector with the foundational sources and S3/EKS protection on, the newer paid plans off (a common setup).
DET_FEATURES={'CLOUD_TRAIL':'ENABLED','DNS_LOGS':'ENABLED','FLOW_LOGS':'ENABLED','S3_DATA_EVENTS':'ENABLED','EKS_AUDIT_LOGS':'ENABLED','EBS_MALWARE_PROTECTION':'DISABLED','RDS_LOGIN_EVENTS':'DISABLED','LAMBDA_NETWORK_LOGS':'DISABLED','EKS_RUNTIME_MONITORING':'ENABLED','RUNTIME_MONITORING':'DISABLED'}
def det(region,did,status,features=None,findings=(),truncated=False):
    return r('guardduty.detector',did,{'detectorId':did,'status':status,'features':features or DET_FEATURES,'highSeverityFindings':{'findings':list(findings),'truncated':truncated}},arn=f'arn:aws:guardduty:{region}:{A}:detector/{did}')
# The key policy KMS gives a key by default: the account's IAM policies decide who may use it.
DEFAULT_KEY_POLICY={'Version':'2012-10-17','Id':'key-default-1','Statement':[{'Sid':'Enable IAM User Permissions','Effect':'Allow','Principal':{'AWS':f'arn:aws:iam::{A}:root'},'Action':'kms:*','Resource':'*'}]}
def kms(region,kid,desc,manager,rotation,spec='SYMMETRIC_DEFAULT',usage='ENCRYPT_DECRYPT',state='Enabled',gaps=None,tags=None,policy=None):
    attrs={'keyId':kid,'description':desc,'keyManager':manager,'keySpec':spec,'keyUsage':usage,'keyState':state,'origin':'AWS_KMS','rotationEnabled':rotation,'policy':policy or DEFAULT_KEY_POLICY}
    if gaps:
        for g in gaps: attrs.pop(g['field'],None)
    return r('kms.key',kid,attrs,arn=f'arn:aws:kms:{region}:{A}:key/{kid}',gaps=gaps,tags=tags)
def secret(region,name,rot,interval,last,created,kmsid=None,policy=None,accessed=1):
    # accessed: days since the secret was last retrieved (Secrets Manager keeps the day only); None if never.
    return r('secretsmanager.secret',f'arn:aws:secretsmanager:{region}:{A}:secret:{name}-a1b2c3',{'name':name,'rotationEnabled':rot,'rotationIntervalDays':interval,'lastRotatedAt':last,'createdAt':created,'kmsKeyId':kmsid,'policy':policy,'lastAccessedAt':None if accessed is None else ago(accessed)[:10]},arn=f'arn:aws:secretsmanager:{region}:{A}:secret:{name}-a1b2c3')

glob=[
 r('iam.root-user','root',{'arn':f'arn:aws:iam::{A}:root','mfaActive':False,'hardwareMfa':None,'accessKeys':[key(None,'Active',ago(2100),ago(3))],'passwordLastUsed':ago(12)},arn=f'arn:aws:iam::{A}:root'),
 r('iam.password-policy','password-policy',{'policy':{'minimumPasswordLength':8,'requireSymbols':False,'requireNumbers':True,'requireUppercaseCharacters':True,'requireLowercaseCharacters':True,'allowUsersToChangePassword':True,'maxPasswordAge':None,'passwordReusePrevention':None,'hardExpiry':False}}),
 r('s3.account-public-access-block',A,{'configuration':None}),
 user('alice.nguyen',True,True,[key('AKIAQXAMPLEALICE0001','Active',ago(21),ago(1))],ago(700),ago(0),{'team':'platform'}),
 user('bob.martins',True,False,[key('AKIAQXAMPLEBOBM00002','Active',ago(212),ago(4))],ago(1300),ago(2),{'team':'data'}),
 user('carol.osei',True,True,[],ago(400),ago(6),{'team':'security'}),
 user('dave.kowalski',True,False,[],ago(60),None,{'team':'finance'}),
 user('ci-deploy',False,False,[key('AKIAQXAMPLECIDEPLOY3','Active',ago(431),ago(0)),key('AKIAQXAMPLECIDEPLOY4','Active',ago(15),ago(0))],ago(1500),None,{'owner':'platform','purpose':'ci'}),  # planted: aws-access-key-id (metadata of two keys)
 user('backup-agent',False,False,[key('AKIAQXAMPLEBACKUP005','Active',ago(44),ago(1)),key('AKIAQXAMPLEBACKUP006','Inactive',ago(300),ago(140))],ago(800),None,{'owner':'platform'}),
 user('legacy-reporting',False,False,[key('AKIAQXAMPLELEGACY007','Inactive',ago(900),ago(610))],ago(1900),None),
]
use1=[
 bucket('acme-prod-cloudtrail-logs','us-east-1',PAB_ON,{'Version':'2012-10-17','Statement':[{'Sid':'AWSCloudTrailWrite','Effect':'Allow','Principal':{'Service':'cloudtrail.amazonaws.com'},'Action':'s3:PutObject','Resource':f'arn:aws:s3:::acme-prod-cloudtrail-logs/AWSLogs/{A}/*','Condition':{'StringEquals':{'s3:x-amz-acl':'bucket-owner-full-control'}}},tls_deny('acme-prod-cloudtrail-logs')]},('aws:kms',f'arn:aws:kms:us-east-1:{A}:key/6f1c2a9e-1d4b-4c8e-9a51-0b7e2c4d8f10'),tags={'data-classification':'audit'}),
 bucket('acme-marketing-site','us-east-1',None,{'Version':'2012-10-17','Statement':[{'Sid':'PublicRead','Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::acme-marketing-site/*'}]},tags={'team':'marketing'}),
 bucket('acme-data-lake-raw','us-east-1',PAB_ON,None,('aws:kms',f'arn:aws:kms:us-east-1:{A}:key/6f1c2a9e-1d4b-4c8e-9a51-0b7e2c4d8f10'),tags={'data-classification':'confidential'},gaps=[{'field':'policy','reason':'access-denied','action':'s3:GetBucketPolicy','detail':'AccessDenied: explicit deny in a resource-based policy'}]),
 ebs('us-east-1',False),
 sg('us-east-1','sg-0a1b2c3d4e5f60001','web-public','vpc-0f00d1e2a3b4c5d60','HTTPS from the internet',[rule('tcp',443,443,['0.0.0.0/0'],['::/0'],desc='HTTPS')],{'app':'storefront'}),
 sg('us-east-1','sg-0a1b2c3d4e5f60002','bastion','vpc-0f00d1e2a3b4c5d60','SSH bastion',[rule('tcp',22,22,['0.0.0.0/0'],desc='ssh from anywhere (temporary)')],{'app':'ops'}),
 sg('us-east-1','sg-0a1b2c3d4e5f60003','default','vpc-0f00d1e2a3b4c5d60','default VPC security group',[rule('-1',None,None,groups=['sg-0a1b2c3d4e5f60003'])]),
 sg('us-east-1','sg-0a1b2c3d4e5f60004','db-private','vpc-0f00d1e2a3b4c5d60','PostgreSQL from the app tier',[rule('tcp',5432,5432,groups=['sg-0a1b2c3d4e5f60001'])],{'app':'storefront'}),
 inst('us-east-1','i-0d1e2f3a4b5c60001','running','t3.medium','required','vpc-0f00d1e2a3b4c5d60',None,f'arn:aws:iam::{A}:instance-profile/web',{'Name':'web-1','app':'storefront'}),
 inst('us-east-1','i-0d1e2f3a4b5c60002','running','t3.medium','required','vpc-0f00d1e2a3b4c5d60',None,f'arn:aws:iam::{A}:instance-profile/web',{'Name':'web-2','app':'storefront'}),
 inst('us-east-1','i-0d1e2f3a4b5c60003','running','t3.micro','optional','vpc-0f00d1e2a3b4c5d60','203.0.113.24',None,{'Name':'bastion','app':'ops'}),
 trail('us-east-1','acme-management-events',True,True,False,'acme-prod-cloudtrail-logs',f'arn:aws:kms:us-east-1:{A}:key/6f1c2a9e-1d4b-4c8e-9a51-0b7e2c4d8f10',cwl='/aws/cloudtrail/acme-management-events',delivered=ago(0)),
 det('us-east-1','6ec6a1d2b3c4d5e6f7a8b9c0d1e2f3a4','ENABLED'),
 kms('us-east-1','6f1c2a9e-1d4b-4c8e-9a51-0b7e2c4d8f10','CloudTrail and data lake','CUSTOMER',True,tags={'purpose':'audit'}),
 kms('us-east-1','9b2d4f6a-8c0e-4a2b-9d4f-6a8c0e2b4d6f','payments tokenization','CUSTOMER',False,tags={'team':'payments'}),
 kms('us-east-1','1a3c5e7b-9d1f-4b3d-8e5a-7c9e1b3d5f7a','Default key that protects my EBS volumes when no other key is defined','AWS',True),
 kms('us-east-1','4c6e8a0b-2d4f-4a6c-8e0a-2c4e6a8c0e2a','code signing','CUSTOMER',False,spec='ECC_NIST_P256',usage='SIGN_VERIFY'),
 secret('us-east-1','prod/storefront/db',True,30,ago(9),ago(600)),
 secret('us-east-1','prod/payments/stripe-api-key',False,None,None,ago(480)),
]
euw1=[
 bucket('acme-eu-customer-exports','eu-west-1',PAB_ON,{'Version':'2012-10-17','Statement':[tls_deny('acme-eu-customer-exports',action='*',principal={'AWS':'*'})]},('aws:kms',f'arn:aws:kms:eu-west-1:{A}:key/2b4d6f8a-0c2e-4a4c-8e6a-0c2e4a6c8e0a'),tags={'data-classification':'confidential'}),
 bucket('acme-eu-backups','eu-west-1',{'blockPublicAcls':True,'ignorePublicAcls':True,'blockPublicPolicy':False,'restrictPublicBuckets':False},None,tags={'team':'platform'}),
 ebs('eu-west-1',True,'alias/aws/ebs'),
 sg('eu-west-1','sg-0e1f2a3b4c5d60011','rdp-admin','vpc-0e11a2b3c4d5e6f70','Windows admin',[rule('tcp',3389,3389,[],['::/0'],desc='rdp')],{'app':'windows-tools'}),
 sg('eu-west-1','sg-0e1f2a3b4c5d60012','app-internal','vpc-0e11a2b3c4d5e6f70','app tier',[rule('tcp',8080,8080,groups=['sg-0e1f2a3b4c5d60013'])]),
 sg('eu-west-1','sg-0e1f2a3b4c5d60013','alb-public','vpc-0e11a2b3c4d5e6f70','public load balancer',[rule('tcp',443,443,['0.0.0.0/0'])]),
 inst('eu-west-1','i-0e1f2a3b4c5d60011','running','m6i.large','required','vpc-0e11a2b3c4d5e6f70',None,f'arn:aws:iam::{A}:instance-profile/app',{'Name':'app-eu-1'}),
 inst('eu-west-1','i-0e1f2a3b4c5d60012','running','t3.large','optional','vpc-0e11a2b3c4d5e6f70','198.51.100.7',None,{'Name':'win-tools'}),
 trail('eu-west-1','eu-debug-trail',False,False,True,'acme-eu-backups',None,mgmt=(False,True),s3data=(False,True)),
 kms('eu-west-1','2b4d6f8a-0c2e-4a4c-8e6a-0c2e4a6c8e0a','customer exports','CUSTOMER',True),
 secret('eu-west-1','prod/exports/sftp-password',False,None,None,ago(300)),
]
apse2=[
 bucket('acme-apac-assets','ap-southeast-2',PAB_ON,{'Version':'2012-10-17','Statement':[tls_deny('acme-apac-assets',extra={'NotIpAddress':{'aws:SourceIp':'192.0.2.0/24'}})]},tags={'team':'apac'}),
 ebs('ap-southeast-2',False,gaps=[{'field':'enabled','reason':'throttled','action':'ec2:GetEbsEncryptionByDefault','detail':'RequestLimitExceeded after 10 attempts'}]),
 sg('ap-southeast-2','sg-0c1d2e3f4a5b60021','legacy-allow-all','vpc-0c21d2e3f4a5b6c70','migrated from EC2-Classic',[rule('-1',None,None,['0.0.0.0/0'])],{'app':'legacy'}),
 sg('ap-southeast-2','sg-0c1d2e3f4a5b60022','default','vpc-0c21d2e3f4a5b6c70','default VPC security group',[]),
 inst('ap-southeast-2','i-0c1d2e3f4a5b60021','stopped','t2.small','optional','vpc-0c21d2e3f4a5b6c70',None,None,{'Name':'legacy-batch'}),
 det('ap-southeast-2','a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6','DISABLED'),
 kms('ap-southeast-2','7d9f1b3d-5f7a-4c9e-8b1d-3f5a7c9e1b3d','apac assets','CUSTOMER',None,gaps=[{'field':'rotationEnabled','reason':'access-denied','action':'kms:GetKeyRotationStatus','detail':'AccessDeniedException: the key policy does not allow the audit role'}]),
]
# Appended to demo.py: resources of the kinds the collectors fill beyond the first dozen.
def vpc(region, vid, default, cidr, flow=None):
    return r('ec2.vpc', vid, {'vpcId': vid, 'isDefault': default, 'cidrBlocks': [cidr], 'flowLogs': [flow] if flow else []}, arn=f'arn:aws:ec2:{region}:{A}:vpc/{vid}')
def flowlog(fid, region):
    return {'id': fid, 'status': 'ACTIVE', 'trafficType': 'ALL', 'destinationType': 's3', 'logDestination': f'arn:aws:s3:::acme-vpc-flow-logs/{region}'}
def nacl(region, nid, vpcid, entries, default=True, subnets=()):
    return r('ec2.network-acl', nid, {'networkAclId': nid, 'vpcId': vpcid, 'isDefault': default, 'entries': entries, 'associatedSubnetIds': list(subnets)}, arn=f'arn:aws:ec2:{region}:{A}:network-acl/{nid}')
def entry(n, action, proto='-1', cidr='0.0.0.0/0', fr=None, to=None, egress=False, v6=None):
    return {'ruleNumber': n, 'egress': egress, 'ruleAction': action, 'protocol': proto, 'cidrBlock': None if v6 else cidr, 'ipv6CidrBlock': v6, 'fromPort': fr, 'toPort': to}
OPEN_NACL = [entry(100, 'allow'), entry(32767, 'deny'), entry(100, 'allow', egress=True), entry(32767, 'deny', egress=True)]
TIGHT_NACL = [entry(90, 'deny', 'tcp', fr=22, to=22), entry(91, 'deny', 'tcp', fr=3389, to=3389), entry(100, 'allow', 'tcp', fr=443, to=443), entry(32767, 'deny'), entry(100, 'allow', egress=True), entry(32767, 'deny', egress=True)]
def volume(region, vid, enc, inst=None, size=20):
    return r('ec2.volume', vid, {'volumeId': vid, 'encrypted': enc, 'kmsKeyId': 'alias/aws/ebs' if enc else None, 'state': 'in-use' if inst else 'available', 'sizeGiB': size, 'attachedInstanceIds': [inst] if inst else []}, arn=f'arn:aws:ec2:{region}:{A}:volume/{vid}')
def snapshot(region, sid, vid, enc, public):
    return r('ec2.snapshot', sid, {'snapshotId': sid, 'volumeId': vid, 'encrypted': enc, 'kmsKeyId': 'alias/aws/ebs' if enc else None, 'startTime': ago(40), 'public': public}, arn=f'arn:aws:ec2:{region}::snapshot/{sid}')
def image(region, iid, name, public, enc):
    return r('ec2.image', iid, {'imageId': iid, 'name': name, 'public': public, 'creationDate': ago(120), 'encrypted': enc}, arn=f'arn:aws:ec2:{region}::image/{iid}')
def template(region, tid, name, tokens, userdata, public_ip):
    return r('ec2.launch-template', tid, {'launchTemplateId': tid, 'name': name, 'latestVersion': 3, 'metadataOptions': {'httpEndpoint': 'enabled', 'httpTokens': tokens} if tokens else None, 'userData': userdata, 'associatePublicIpAddress': public_ip}, arn=f'arn:aws:ec2:{region}:{A}:launch-template/{tid}')
def loggroup(region, name, retention, kms, filters=()):
    return r('logs.log-group', name, {'name': name, 'retentionInDays': retention, 'kmsKeyId': kms, 'metricFilters': list(filters)}, arn=f'arn:aws:logs:{region}:{A}:log-group:{name}')
def recorder(region, recording):
    recs = [{'name': 'default', 'allSupported': True, 'includeGlobalResourceTypes': region == 'us-east-1', 'recording': True, 'lastStatus': 'Success'}] if recording else []
    return r('config.recorder', region, {'recorders': recs, 'deliveryChannelConfigured': recording})
def hub(region, enabled, standards=True):
    # eu-west-1's hub is on without a standard, so securityhub-standards-enabled fails there.
    std = [{'arn': f'arn:aws:securityhub:{region}::standards/aws-foundational-security-best-practices/v/1.0.0', 'status': 'READY'}] if enabled and standards else []
    return r('securityhub.hub', region, {'enabled': enabled, 'subscribedAt': ago(300) if enabled else None, 'standards': std}, arn=f'arn:aws:securityhub:{region}:{A}:hub/default' if enabled else None)
def analyzer(region, name):
    arn = f'arn:aws:access-analyzer:{region}:{A}:analyzer/{name}'
    return r('accessanalyzer.analyzer', arn, {'name': name, 'arn': arn, 'type': 'ACCOUNT', 'status': 'ACTIVE'}, arn=arn)
def rdsinst(region, ident, enc, public, minor, deletion, cluster=None, engine='postgres'):
    return r('rds.db-instance', ident, {'identifier': ident, 'engine': engine, 'engineVersion': '16.4', 'storageEncrypted': enc, 'kmsKeyId': f'arn:aws:kms:{region}:{A}:key/6f1c2a9e-1d4b-4c8e-9a51-0b7e2c4d8f10' if enc else None, 'publiclyAccessible': public, 'autoMinorVersionUpgrade': minor, 'multiAZ': False, 'backupRetentionPeriod': 7, 'iamDatabaseAuthenticationEnabled': False, 'deletionProtection': deletion, 'dbClusterIdentifier': cluster, 'readReplicaSourceIdentifier': None, 'parameterGroupNames': ['default.postgres16']}, arn=f'arn:aws:rds:{region}:{A}:db:{ident}')
def rdscluster(region, ident, enc):
    return r('rds.db-cluster', ident, {'identifier': ident, 'engine': 'aurora-postgresql', 'storageEncrypted': enc, 'kmsKeyId': None, 'deletionProtection': True, 'iamDatabaseAuthenticationEnabled': True, 'backupRetentionPeriod': 14, 'multiAZ': True}, arn=f'arn:aws:rds:{region}:{A}:cluster:{ident}')
def rdssnap(region, ident, enc, public):
    arn = f'arn:aws:rds:{region}:{A}:snapshot:{ident}'
    return r('rds.db-snapshot', arn, {'identifier': ident, 'cluster': False, 'encrypted': enc, 'public': public}, arn=arn)
def table(region, name, pitr, sse='AWS_OWNED'):
    return r('dynamodb.table', name, {'name': name, 'sseType': sse, 'kmsKeyArn': None, 'pointInTimeRecovery': pitr, 'deletionProtection': pitr, 'billingMode': 'PAY_PER_REQUEST'}, arn=f'arn:aws:dynamodb:{region}:{A}:table/{name}')
def efs(region, fid, enc):
    return r('efs.file-system', fid, {'fileSystemId': fid, 'encrypted': enc, 'kmsKeyId': 'alias/aws/elasticfilesystem' if enc else None, 'backupPolicyEnabled': enc, 'policy': None}, arn=f'arn:aws:elasticfilesystem:{region}:{A}:file-system/{fid}')
def queue(region, name, sse, kms=None):
    url = f'https://sqs.{region}.amazonaws.com/{A}/{name}'
    return r('sqs.queue', url, {'url': url, 'arn': f'arn:aws:sqs:{region}:{A}:{name}', 'name': name, 'sqsManagedSse': sse, 'kmsMasterKeyId': kms, 'policy': None}, arn=f'arn:aws:sqs:{region}:{A}:{name}')
def topic(region, name, kms, subscribers=0):
    arn = f'arn:aws:sns:{region}:{A}:{name}'
    return r('sns.topic', arn, {'arn': arn, 'name': name, 'kmsMasterKeyId': kms, 'policy': None, 'confirmedSubscriptions': subscribers}, arn=arn)
def repo(region, name, scan, mut):
    return r('ecr.repository', name, {'name': name, 'uri': f'{A}.dkr.ecr.{region}.amazonaws.com/{name}', 'scanOnPush': scan, 'tagMutability': mut, 'encryptionType': 'AES256', 'kmsKey': None, 'policy': None, 'hasLifecyclePolicy': scan}, arn=f'arn:aws:ecr:{region}:{A}:repository/{name}')
def eks(region, name, public, cidrs):
    return r('eks.cluster', name, {'name': name, 'version': '1.31', 'endpointPublicAccess': public, 'endpointPrivateAccess': True, 'publicAccessCidrs': cidrs, 'secretsEncryption': True, 'enabledLogTypes': ['api', 'audit']}, arn=f'arn:aws:eks:{region}:{A}:cluster/{name}')
def alb(region, name, listeners, drop, logs):
    arn = f'arn:aws:elasticloadbalancing:{region}:{A}:loadbalancer/app/{name}/50dc6c495c0c9188'
    return r('elbv2.load-balancer', arn, {'arn': arn, 'name': name, 'type': 'application', 'scheme': 'internet-facing', 'listeners': listeners, 'dropInvalidHeaderFields': drop, 'accessLogsEnabled': logs, 'deletionProtection': True}, arn=arn)
def lst(port, proto, policy=None, redirect=False):
    return {'port': port, 'protocol': proto, 'sslPolicy': policy, 'defaultActionRedirectsToHttps': redirect}
def param(region, name, ptype):
    return r('ssm.parameter', name, {'name': name, 'type': ptype, 'keyId': 'alias/aws/ssm' if ptype == 'SecureString' else None, 'lastModifiedDate': ago(30), 'tier': 'Standard'}, arn=f'arn:aws:ssm:{region}:{A}:parameter{name}')
def fn(region, name, runtime, url_auth, env):
    return r('lambda.function', name, {'name': name, 'runtime': runtime, 'packageType': 'Zip', 'role': f'arn:aws:iam::{A}:role/{name}-role', 'environment': env, 'kmsKeyArn': None, 'vpcConfigured': False, 'urlAuthType': url_auth, 'policy': None}, arn=f'arn:aws:lambda:{region}:{A}:function:{name}')

glob += [
  r('cloudfront.distribution', 'E2QWRUHAPOMQZL', {'id': 'E2QWRUHAPOMQZL', 'domainName': 'd111111abcdef8.cloudfront.net', 'enabled': True, 'viewerProtocolPolicies': [{'pathPattern': None, 'policy': 'redirect-to-https'}, {'pathPattern': '/legacy/*', 'policy': 'allow-all'}], 'minimumProtocolVersion': 'TLSv1.2_2021', 'originProtocolPolicies': [], 'webAclId': None, 'loggingEnabled': False, 'defaultRootObject': 'index.html'}, arn=f'arn:aws:cloudfront::{A}:distribution/E2QWRUHAPOMQZL', tags={'team': 'marketing'}),
]
use1 += [
  vpc('us-east-1', 'vpc-0f00d1e2a3b4c5d60', False, '10.10.0.0/16', flowlog('fl-0a1b2c3d4e5f60001', 'us-east-1')),
  vpc('us-east-1', 'vpc-0d3f1a2b3c4d5e6f7', True, '172.31.0.0/16'),
  nacl('us-east-1', 'acl-0a1b2c3d4e5f60001', 'vpc-0f00d1e2a3b4c5d60', TIGHT_NACL, False, ['subnet-0a1']),
  nacl('us-east-1', 'acl-0a1b2c3d4e5f60002', 'vpc-0d3f1a2b3c4d5e6f7', OPEN_NACL, True),
  volume('us-east-1', 'vol-0a1b2c3d4e5f60001', True, 'i-0d1e2f3a4b5c60001'),
  volume('us-east-1', 'vol-0a1b2c3d4e5f60002', True, 'i-0d1e2f3a4b5c60002'),
  volume('us-east-1', 'vol-0a1b2c3d4e5f60003', False, 'i-0d1e2f3a4b5c60003', 8),
  snapshot('us-east-1', 'snap-0a1b2c3d4e5f60001', 'vol-0a1b2c3d4e5f60001', True, False),
  snapshot('us-east-1', 'snap-0a1b2c3d4e5f60002', 'vol-0a1b2c3d4e5f60003', False, True),
  image('us-east-1', 'ami-0a1b2c3d4e5f60001', 'storefront-web-2026-10', False, True),
  image('us-east-1', 'ami-0a1b2c3d4e5f60002', 'bastion-base', True, False),
  template('us-east-1', 'lt-0a1b2c3d4e5f60001', 'storefront-web', 'required', '#!/bin/bash\nsystemctl start storefront', False),
  template('us-east-1', 'lt-0a1b2c3d4e5f60002', 'batch-workers', None, '#!/bin/bash\n/opt/batch/run.sh', True),
  loggroup('us-east-1', '/aws/lambda/order-webhook', 14, None),
  recorder('us-east-1', True),
  hub('us-east-1', True),
  analyzer('us-east-1', 'acme-account-analyzer'),
  rdsinst('us-east-1', 'storefront-db', True, False, True, True),
  rdsinst('us-east-1', 'reporting-replica', False, True, False, False),
  rdscluster('us-east-1', 'orders-aurora', True),
  rdssnap('us-east-1', 'reporting-before-migration', False, True),
  table('us-east-1', 'orders', True),
  table('us-east-1', 'sessions', False),
  efs('us-east-1', 'fs-0a1b2c3d4e5f60001', True),
  queue('us-east-1', 'order-events', True),
  queue('us-east-1', 'legacy-import', False),
  topic('us-east-1', 'security-alerts', 'alias/aws/sns', subscribers=2),
  topic('us-east-1', 'marketing-events', None),
  repo('us-east-1', 'storefront', True, 'IMMUTABLE'),
  repo('us-east-1', 'batch-tools', False, 'MUTABLE'),
  alb('us-east-1', 'storefront-alb', [lst(443, 'HTTPS', 'ELBSecurityPolicy-TLS13-1-2-2021-06'), lst(80, 'HTTP', redirect=True)], True, True),
  param('us-east-1', '/storefront/db-endpoint', 'String'),
  param('us-east-1', '/storefront/db-password', 'String'),
  param('us-east-1', '/payments/api-token', 'SecureString'),
  fn('us-east-1', 'order-webhook', 'nodejs20.x', 'NONE', {'LOG_LEVEL': 'info'}),
  fn('us-east-1', 'thumbnailer', 'python3.12', None, {}),
]
euw1 += [
  vpc('eu-west-1', 'vpc-0e11a2b3c4d5e6f70', False, '10.20.0.0/16'),
  nacl('eu-west-1', 'acl-0e1f2a3b4c5d60011', 'vpc-0e11a2b3c4d5e6f70', OPEN_NACL, True, ['subnet-0e1']),
  volume('eu-west-1', 'vol-0e1f2a3b4c5d60011', True, 'i-0e1f2a3b4c5d60011', 100),
  volume('eu-west-1', 'vol-0e1f2a3b4c5d60012', True, 'i-0e1f2a3b4c5d60012', 60),
  loggroup('eu-west-1', '/ecs/exports', None, None),
  recorder('eu-west-1', True),
  hub('eu-west-1', True, standards=False),
  rdsinst('eu-west-1', 'exports-db', True, False, True, False),
  efs('eu-west-1', 'fs-0e1f2a3b4c5d60011', False),
  queue('eu-west-1', 'exports-jobs', False, 'alias/exports'),
  repo('eu-west-1', 'exports-worker', True, 'MUTABLE'),
  eks('eu-west-1', 'exports', True, ['0.0.0.0/0']),
  alb('eu-west-1', 'exports-alb', [lst(443, 'HTTPS', 'ELBSecurityPolicy-2016-08'), lst(80, 'HTTP')], False, False),
]
apse2 += [
  vpc('ap-southeast-2', 'vpc-0c21d2e3f4a5b6c70', True, '172.31.0.0/16'),
  nacl('ap-southeast-2', 'acl-0c1d2e3f4a5b60021', 'vpc-0c21d2e3f4a5b6c70', OPEN_NACL, True),
  volume('ap-southeast-2', 'vol-0c1d2e3f4a5b60021', False, 'i-0c1d2e3f4a5b60021', 30),
  recorder('ap-southeast-2', False),
  hub('ap-southeast-2', False),
  table('ap-southeast-2', 'apac-catalog', True),
]

extra_kinds=set()
for path in sorted(globfiles.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'demo_parts', '*.py'))):
    spec=importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
    part=importlib.util.module_from_spec(spec)
    spec.loader.exec_module(part)
    glob += getattr(part, 'GLOBAL', [])
    use1 += getattr(part, 'US_EAST_1', [])
    euw1 += getattr(part, 'EU_WEST_1', [])
    apse2 += getattr(part, 'AP_SOUTHEAST_2', [])
    extra_kinds |= set(getattr(part, 'KINDS', []))

for k in apse2:
    if k['kind']=='kms.key': k['attributes'].pop('rotationEnabled',None)
snap={'schemaVersion':1,
 'collection':{'source':'live','startedAt':'2026-11-20T09:12:41Z','finishedAt':T,'caller':{'account':A,'arn':f'arn:aws:sts::{A}:assumed-role/OnusAudit/onus','userId':'AROAQXAMPLEONUSAUDIT:onus'},'partition':'aws',
  'regions':['ap-southeast-2','eu-west-1','me-central-1','us-east-1'],
  'skippedRegions':['af-south-1','ap-east-1','ap-south-2','eu-south-1','il-central-1'],
  'kinds':sorted({res['kind'] for res in glob+use1+euw1+apse2} | extra_kinds | {'iam.root-user','iam.user','iam.password-policy','s3.account-public-access-block','s3.bucket','ec2.security-group','ec2.ebs-encryption-by-default','ec2.instance','cloudtrail.trail','guardduty.detector','kms.key','secretsmanager.secret','accessanalyzer.analyzer','config.recorder','securityhub.hub','ec2.image','ec2.snapshot','ec2.launch-template','eks.cluster','ecr.repository','elbv2.load-balancer','lambda.function','rds.db-cluster','rds.db-instance','rds.db-snapshot','dynamodb.table','efs.file-system','sqs.queue','sns.topic','ssm.parameter','logs.log-group','ec2.volume','ec2.vpc','ec2.network-acl','cloudfront.distribution'}),
  'errors':[
   {'account':A,'region':'us-east-1','service':'s3','action':'s3:GetBucketPolicy','message':'AccessDenied on acme-data-lake-raw: explicit deny in a resource-based policy'},
   {'account':A,'region':'ap-southeast-2','service':'ec2','action':'ec2:GetEbsEncryptionByDefault','message':'RequestLimitExceeded after 10 attempts'},
   {'account':A,'region':'ap-southeast-2','service':'kms','action':'kms:GetKeyRotationStatus','message':'AccessDeniedException on key 7d9f1b3d-5f7a-4c9e-8b1d-3f5a7c9e1b3d'},
   {'account':A,'region':'ap-southeast-2','service':'secretsmanager','action':'secretsmanager:ListSecrets','message':'AccessDeniedException: with an explicit deny in a service control policy'},
   {'account':A,'region':'me-central-1','service':'ec2','action':'ec2:DescribeRegions','message':'me-central-1 is an opt-in region that is not enabled for this account'}],
  'tool':{'name':'onus','version':'0.1.0'}},
 'accounts':[{'id':A,'alias':'acme-production','regions':{
   'global':{'resources':glob},
   'us-east-1':{'resources':use1},
   'eu-west-1':{'resources':euw1},
   'ap-southeast-2':{'resources':apse2,'gaps':[{'kind':'secretsmanager.secret','field':'*','reason':'access-denied','action':'secretsmanager:ListSecrets','detail':'explicit deny in a service control policy'}]},
   'me-central-1':{'resources':[],'gaps':[{'kind':'*','field':'*','reason':'region-disabled','detail':'opt-in region not enabled for this account'}]}}}]}
for reg in snap['accounts'][0]['regions'].values():
    for res in reg['resources']:
        if res['arn'] is None: del res['arn']
        if not res['tags']: del res['tags']
json.dump(snap,open('examples/demo-account.json','w'),indent=2)
n=sum(len(r['resources']) for r in snap['accounts'][0]['regions'].values())
print('resources',n)
