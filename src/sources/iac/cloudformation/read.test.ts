import { describe, expect, it } from 'vitest';

import { Reference, Unresolved, type IacDocumentSet, type IacResource } from '../types.js';
import { looksLikeCloudFormation, readCloudFormation } from './read.js';

function read(text: string, options: Parameters<typeof readCloudFormation>[2] = {}, file = 'template.yaml') {
  const set = readCloudFormation(file, text, options);
  if (!set) throw new Error('not read as a template');
  return set;
}

function resource(set: IacDocumentSet, address: string): IacResource {
  const found = set.resources.find((candidate) => candidate.address === address);
  if (!found) throw new Error(`no resource ${address}`);
  return found;
}

/** The properties of the single resource `R` of a template whose other sections are `head`. */
function props(properties: string, head = '', options: Parameters<typeof readCloudFormation>[2] = {}) {
  const set = read(
    `${head}\nResources:\n  R:\n    Type: AWS::SNS::Topic\n    Properties:\n${properties}\n`,
    options,
  );
  return { set, properties: resource(set, 'R').properties };
}

const unresolved = (detail: string) => new Unresolved(detail);

describe('looksLikeCloudFormation', () => {
  it('recognises templates and rejects other YAML/JSON', () => {
    expect(looksLikeCloudFormation({ AWSTemplateFormatVersion: '2010-09-09' })).toBe(true);
    expect(looksLikeCloudFormation({ Resources: { B: { Type: 'AWS::S3::Bucket' } } })).toBe(true);
    expect(looksLikeCloudFormation({ Resources: { C: { Type: 'Custom::Thing' } } })).toBe(true);
    expect(looksLikeCloudFormation({ services: { web: { image: 'nginx' } } })).toBe(false);
    expect(looksLikeCloudFormation({ Resources: { B: { Type: 'Deployment' } } })).toBe(false);
    expect(looksLikeCloudFormation(['AWSTemplateFormatVersion'])).toBe(false);
    expect(looksLikeCloudFormation(null)).toBe(false);
  });

  it('readCloudFormation returns null for YAML or JSON that is not a template', () => {
    expect(readCloudFormation('compose.yaml', 'services:\n  web:\n    image: nginx\n')).toBeNull();
    expect(readCloudFormation('package.json', '{"name": "x", "version": "1.0.0"}')).toBeNull();
    expect(readCloudFormation('empty.yaml', '')).toBeNull();
  });
});

describe('intrinsic functions', () => {
  it('Ref: parameters (default, given, none), resources, pseudo parameters, AWS::NoValue', () => {
    const head = `Parameters:
  Env: {Type: String, Default: dev}
  Name: {Type: String}
  Size: {Type: Number, Default: 5}
  Subnets: {Type: CommaDelimitedList, Default: "a, b,c"}
  Ami: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /ami/latest}`;
    const body = `      A: !Ref Env
      B: {Ref: Name}
      C: !Ref Size
      D: !Ref Subnets
      E: !Ref Ami
      F: !Ref Other
      G: !Ref AWS::Region
      H: !Ref AWS::AccountId
      I: !Ref AWS::Partition
      J: !Ref AWS::URLSuffix
      K: !Ref AWS::NoValue
      L: [x, !Ref AWS::NoValue, y]`;
    const other = '\n  Other:\n    Type: AWS::SQS::Queue';
    const { properties } = props(body + other.replace(/^/gm, ''), head);
    // `Other` is written after R's properties, as a sibling resource.
    expect(properties).toEqual({
      A: 'dev',
      B: unresolved('Ref to parameter Name, which has no default'),
      C: '5',
      D: ['a', 'b', 'c'],
      E: unresolved('Ref to parameter Ami, read from SSM parameter /ami/latest at deployment'),
      F: new Reference('Other', null),
      G: unresolved('Ref to AWS::Region, known only at deployment'),
      H: 'iac',
      I: 'aws',
      J: 'amazonaws.com',
      L: ['x', 'y'],
    });
    expect('K' in properties).toBe(false);

    const given = props(body + other, head, {
      parameters: { Env: 'prod', Name: 'orders' },
      region: 'eu-west-1',
    });
    expect(given.properties.A).toBe('prod');
    expect(given.properties.B).toBe('orders');
    expect(given.properties.G).toBe('eu-west-1');
    expect(resource(given.set, 'R').region).toBe('eu-west-1');
  });

  it('Ref to something undeclared is a problem at its line and an unresolved value', () => {
    const { set, properties } = props('      A: !Ref Missing');
    expect(properties.A).toEqual(unresolved('Ref to Missing, which the template does not declare'));
    expect(set.problems).toEqual([
      expect.objectContaining({
        file: 'template.yaml',
        line: 6,
        severity: 'error',
        message: expect.stringContaining('Missing'),
      }),
    ]);
  });

  it('Fn::GetAtt in every form', () => {
    const body = `      A: !GetAtt Role.Arn
      B: !GetAtt [Role, Arn]
      C: {"Fn::GetAtt": [Role, Arn]}
      D: {"Fn::GetAtt": Role.Arn}
      E: !GetAtt Db.Endpoint.Address
      F: !GetAtt Nope.Arn
  Role:
    Type: AWS::IAM::Role
  Db:
    Type: AWS::RDS::DBInstance`;
    const { set, properties } = props(body);
    const arn = new Reference('Role', 'Arn');
    expect(properties).toMatchObject({
      A: arn,
      B: arn,
      C: arn,
      D: arn,
      E: new Reference('Db', 'Endpoint.Address'),
    });
    expect(properties.F).toBeInstanceOf(Unresolved);
    expect(set.problems.map((p) => p.line)).toEqual([11]);
  });

  it('Fn::Sub: both forms, pseudo parameters, escapes, references and unresolved parts', () => {
    const head = 'Parameters:\n  Env: {Type: String, Default: dev}\n  Name: {Type: String}';
    const body = `      A: !Sub '\${Env}-\${AWS::Partition}-logs'
      B: !Sub ['\${Prefix}-\${Env}', {Prefix: app}]
      C: {"Fn::Sub": "literal \${!Env} stays"}
      D: !Sub '\${Key.Arn}'
      E: !Sub '\${Key}'
      F: !Sub 'arn:aws:s3:::\${Name}/*'
      G: !Sub 'arn:\${AWS::Partition}:kms:\${AWS::Region}:key/\${Key}'
      H: !Sub ['\${X}', {X: !Ref Env}]
  Key:
    Type: AWS::KMS::Key`;
    const { properties } = props(body, head);
    expect(properties).toMatchObject({
      A: 'dev-aws-logs',
      B: 'app-dev',
      C: 'literal ${Env} stays',
      D: new Reference('Key', 'Arn'),
      E: new Reference('Key', null),
      F: unresolved('Ref to parameter Name, which has no default'),
      G: unresolved('Ref to AWS::Region, known only at deployment'),
      H: 'dev',
    });
  });

  it('Fn::Join, Fn::Select, Fn::Split, Fn::Length, Fn::ToJsonString, Fn::Base64', () => {
    const head = 'Parameters:\n  Name: {Type: String}\n  Zones: {Type: CommaDelimitedList, Default: "a,b"}';
    const body = `      A: !Join ['-', [x, !Ref AWS::Partition, 3]]
      B: {"Fn::Join": ["", ["arn:aws:s3:::", {"Ref": "Name"}]]}
      C: !Join [',', !Ref Zones]
      D: !Select [1, [p, q, r]]
      E: !Select ['0', !Ref Zones]
      F: !Split [',', 'x,y']
      G: !Select [2, !Split ['/', 'a/b/c']]
      H: !Length [1, 2, 3]
      I: !ToJsonString {a: [1, true]}
      J: !Base64 'echo hi'
      K: {"Fn::Base64": {"Fn::Sub": "x-\${AWS::Partition}"}}
      L: !Join ['', [!GetAtt Q.Arn, '/*']]
  Q:
    Type: AWS::SQS::Queue`;
    const { properties } = props(body, head);
    expect(properties).toMatchObject({
      A: 'x-aws-3',
      B: unresolved('Ref to parameter Name, which has no default'),
      C: 'a,b',
      D: 'q',
      E: 'a',
      F: ['x', 'y'],
      G: 'c',
      H: 3,
      I: '{"a":[1,true]}',
      J: 'echo hi',
      K: 'x-aws',
      L: unresolved('Q.Arn'),
    });
  });

  it('Fn::FindInMap with Mappings, a default value and an unresolved key', () => {
    const head = `Parameters:
  Env: {Type: String, Default: prod}
Mappings:
  Sizes:
    prod: {Instance: m5.large, Zones: [a, b]}
    dev: {Instance: t3.micro}`;
    const body = `      A: !FindInMap [Sizes, !Ref Env, Instance]
      B: {"Fn::FindInMap": [Sizes, dev, Instance]}
      C: !FindInMap [Sizes, prod, Zones]
      D: !FindInMap [Sizes, !Ref AWS::Region, Instance]
      E: !FindInMap [Sizes, test, Instance, {DefaultValue: t3.nano}]
      F: !FindInMap [Sizes, test, Instance]`;
    const { set, properties } = props(body, head);
    expect(properties).toMatchObject({
      A: 'm5.large',
      B: 't3.micro',
      C: ['a', 'b'],
      D: unresolved('Ref to AWS::Region, known only at deployment'),
      E: 't3.nano',
    });
    expect(properties.F).toBeInstanceOf(Unresolved);
    expect(set.problems).toEqual([
      expect.objectContaining({ line: 16, message: expect.stringContaining('Sizes.test.Instance') }),
    ]);
  });

  it('Fn::If with conditions true, false and unresolved; And/Or/Not/Condition', () => {
    const head = `Parameters:
  Env: {Type: String, Default: prod}
  Name: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: {"Fn::Equals": [{"Ref": "Env"}, dev]}
  NotDev: !Not [!Condition IsDev]
  HasName: !Not [!Equals [!Ref Name, '']]
  ProdOrName: !Or [!Condition IsProd, !Condition HasName]
  DevAndName: !And [!Condition IsDev, !Condition HasName]
  ProdAndName: !And [!Condition IsProd, !Condition HasName]
  InRegion: !Equals [!Ref AWS::Region, us-east-1]`;
    const body = `      A: !If [IsProd, big, small]
      B: !If [IsDev, big, small]
      C: !If [NotDev, yes-value, no-value]
      D: !If [HasName, !Ref Name, none]
      E: !If [ProdOrName, x, y]
      F: !If [DevAndName, x, y]
      G: !If [ProdAndName, x, y]
      H: {"Fn::If": [InRegion, x, y]}
      I: !If [IsDev, x, !Ref AWS::NoValue]`;
    const { properties } = props(body, head);
    expect(properties).toEqual({
      A: 'big',
      B: 'small',
      C: 'yes-value',
      D: unresolved('condition HasName depends on parameter Name'),
      E: 'x',
      F: 'y',
      G: unresolved('condition ProdAndName depends on parameter Name'),
      H: unresolved('condition InRegion depends on AWS::Region'),
    });
    const named = props(body, head, { parameters: { Name: 'n' } }).properties;
    expect(named.D).toBe('n');
    expect(named.G).toBe('x');
  });

  it('deploy-time functions are unresolved with a clear detail', () => {
    const body = `      A: !ImportValue shared-vpc-id
      B: !GetAZs ''
      C: !Cidr [10.0.0.0/16, 4, 8]
      D: {"Fn::Transform": {Name: AWS::Include, Parameters: {Location: s3://b/k}}}`;
    const { set, properties } = props(body);
    expect(properties).toEqual({
      A: unresolved("Fn::ImportValue shared-vpc-id, another stack's export known only at deployment"),
      B: unresolved("Fn::GetAZs, the region's Availability Zones known only at deployment"),
      C: unresolved('Fn::Cidr, address blocks computed at deployment'),
      D: unresolved('Fn::Transform (macro AWS::Include), expanded at deployment'),
    });
    expect(set.problems).toEqual([]);
  });

  it('an intrinsic with the wrong shape is a problem at its line; the property is unresolved', () => {
    const body = `      Ok: fine
      A: !Join [only-one]
      B: !Select [9, [a]]
      C: !If [NoSuchCondition, a, b]`;
    const { set, properties } = props(body);
    expect(properties.Ok).toBe('fine');
    expect(properties.A).toBeInstanceOf(Unresolved);
    expect(properties.B).toBeInstanceOf(Unresolved);
    expect(properties.C).toBeInstanceOf(Unresolved);
    expect(set.problems.map((p) => [p.line, p.message.split(' ')[0]])).toEqual([
      [7, 'Fn::Join'],
      [8, 'Fn::Select'],
      [9, 'condition'],
    ]);
  });
});

describe('resources', () => {
  it('leaves out resources whose condition is false; keeps those whose condition is unresolved', () => {
    const set = read(`Parameters:
  Env: {Type: String, Default: dev}
  Name: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  HasName: !Equals [!Ref Name, x]
Resources:
  ProdOnly:
    Type: AWS::S3::Bucket
    Condition: IsProd
  Maybe:
    Type: AWS::S3::Bucket
    Condition: HasName
  Always:
    Type: AWS::S3::Bucket
  Custom:
    Type: Custom::Thing
    Properties: {ServiceToken: x}
  Handle:
    Type: AWS::CloudFormation::WaitConditionHandle
  Nested:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: https://example.com/t.yaml}
`);
    expect(set.resources.map((r) => r.address)).toEqual(['Maybe', 'Always', 'Nested', 'Template']);
    expect(resource(set, 'Always').properties).toEqual({});
  });

  it('locates the logical id and each property on its exact line', () => {
    const set = read(`AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: logs
      VersioningConfiguration:
        Status: Enabled
      Tags:
        - Key: team
          Value: data
      PublicAccessBlockConfiguration: !If
        - Never
        - BlockPublicAcls: false
        - BlockPublicAcls: true
Conditions:
  Never: !Equals [a, b]
`);
    const logs = resource(set, 'Logs');
    expect(logs.location).toEqual({ file: 'template.yaml', line: 3, column: 3 });
    expect(logs.locate([])).toEqual(logs.location);
    expect(logs.locate(['BucketName'])).toEqual({ file: 'template.yaml', line: 6, column: 19 });
    expect(logs.locate(['VersioningConfiguration'])?.line).toBe(7);
    expect(logs.locate(['VersioningConfiguration', 'Status'])?.line).toBe(8);
    expect(logs.locate(['Tags', 0, 'Value'])?.line).toBe(11);
    // Through Fn::If, the branch that applies.
    expect(logs.locate(['PublicAccessBlockConfiguration', 'BlockPublicAcls'])?.line).toBe(15);
    expect(logs.locate(['NotWritten'])).toBeUndefined();
  });

  it('locates properties in JSON templates', () => {
    const text = JSON.stringify(
      {
        Resources: {
          Key: {
            Type: 'AWS::KMS::Key',
            Properties: { EnableKeyRotation: false, KeyPolicy: { Version: '2012-10-17' } },
          },
        },
      },
      null,
      2,
    );
    const key = resource(read(text, {}, 'template.json'), 'Key');
    expect(key.location.line).toBe(3);
    expect(key.properties.EnableKeyRotation).toBe(false);
    expect(key.locate(['EnableKeyRotation'])?.line).toBe(6);
    expect(key.locate(['KeyPolicy', 'Version'])?.line).toBe(8);
    const withBom = read(`\uFEFF${text}`, {}, 'bom.json');
    expect(withBom.problems).toEqual([]);
    expect(resource(withBom, 'Key').properties.EnableKeyRotation).toBe(false);
  });

  it('reads YAML 1.1 booleans as CloudFormation does', () => {
    const { properties } = props('      A: yes\n      B: "yes"\n      C: Off\n      D: true');
    expect(properties).toEqual({ A: true, B: 'yes', C: false, D: true });
  });
});

describe('the template resource', () => {
  it('exposes Parameters and Outputs for the stack mapper', () => {
    const set = read(
      `Parameters:
  Password:
    Type: String
    NoEcho: true
    Default: hunter2
  Env:
    Type: String
    Description: stage
  Ami:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /ami
Resources:
  Bucket:
    Type: AWS::S3::Bucket
Outputs:
  Arn:
    Description: the bucket
    Value: !GetAtt Bucket.Arn
  Stage:
    Value: !Sub 'env-\${Env}'
    Export: {Name: stage}
`,
      { parameters: { Env: 'prod' } },
    );
    const template = resource(set, 'Template');
    expect(template.type).toBe('AWS::CloudFormation::Template');
    expect(template.properties).toEqual({
      Parameters: {
        Password: { Type: 'String', NoEcho: true, Default: 'hunter2', Value: 'hunter2' },
        Env: { Type: 'String', NoEcho: false, Value: 'prod', Description: 'stage' },
        Ami: { Type: 'AWS::SSM::Parameter::Value<String>', NoEcho: false, Default: '/ami', Value: '/ami' },
      },
      Outputs: {
        Arn: { Description: 'the bucket', Value: new Reference('Bucket', 'Arn') },
        Stage: { Value: 'env-prod', Export: { Name: 'stage' } },
      },
    });
    expect(template.locate(['Parameters', 'Password'])?.line).toBe(2);
    expect(template.locate(['Parameters', 'Password', 'Default'])?.line).toBe(5);
    expect(template.locate(['Outputs', 'Stage', 'Value'])?.line).toBe(20);
  });
});

describe('ignores', () => {
  it('reads Metadata.onus.ignore and # onus:ignore comments; a missing reason is a warning', () => {
    const set = read(`Resources:
  # onus:ignore s3-bucket-logging-enabled this is the log bucket
  Logs:
    Type: AWS::S3::Bucket
    Metadata:
      onus:
        ignore:
          - check: s3-bucket-versioning-enabled
            reason: objects are immutable
          - s3-bucket-kms-encryption uses SSE-S3 on purpose
          - check: s3-no-reason
    Properties:
      BucketName: logs # onus:ignore s3-bucket-name-check named by the platform team
  # onus:ignore sns-topic-encrypted a comment above Other is Other's
  Other:
    Type: AWS::S3::Bucket
    Properties:
      # onus:ignore s3-whatever
      BucketName: other
`);
    const logs = resource(set, 'Logs');
    expect(logs.ignores.map(({ check, reason, location }) => [check, reason, location.line])).toEqual([
      ['s3-bucket-versioning-enabled', 'objects are immutable', 8],
      ['s3-bucket-kms-encryption', 'uses SSE-S3 on purpose', 10],
      ['s3-bucket-logging-enabled', 'this is the log bucket', 2],
      ['s3-bucket-name-check', 'named by the platform team', 13],
    ]);
    expect(resource(set, 'Other').ignores.map(({ check, location }) => [check, location.line])).toEqual([
      ['sns-topic-encrypted', 14],
    ]);
    expect(set.problems.map((p) => [p.line, p.severity])).toEqual([
      [11, 'warning'],
      [18, 'warning'],
    ]);
  });
});

describe('bad input', () => {
  it('malformed YAML is one problem with its line and column', () => {
    const set = read('Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: [unclosed\n  C: x\n');
    expect(set.resources).toEqual([]);
    expect(set.problems).toHaveLength(1);
    expect(set.problems[0]).toMatchObject({
      file: 'template.yaml',
      severity: 'error',
      line: expect.any(Number),
    });
    expect(set.problems[0]?.message).toMatch(/^invalid YAML: /);
  });

  it('malformed JSON is one problem at the offending character', () => {
    const set = read(
      '{\n  "Resources": {\n    "B": {"Type": "AWS::S3::Bucket",}\n  }\n}\n',
      {},
      'stack.json',
    );
    expect(set.problems).toEqual([
      {
        file: 'stack.json',
        line: 3,
        column: 37,
        severity: 'error',
        message: 'invalid JSON: expected a property name in double quotes, found "}"',
      },
    ]);
    const truncated = read('{"Resources": {"B": {"Type": "AWS::S3::Bucket"}', {}, 'cut.json');
    expect(truncated.problems[0]).toMatchObject({
      line: 1,
      column: 48,
      message: expect.stringContaining('end of the input'),
    });
  });

  it('an alias bomb is bounded quickly and reported once', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const text = `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n${levels.map((l) => `      ${l}`).join('\n')}\n`;
    const started = Date.now();
    const set = read(text);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(set.resources).toEqual([]);
    expect(set.problems).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('alias') }),
    ]);
  });

  it('a few aliases are expanded', () => {
    const { properties } = props('      A: &tags [x, y]\n      B: *tags');
    expect(properties.B).toEqual(['x', 'y']);
  });

  it('deep nesting is bounded quickly, in flow and block style, YAML and JSON', () => {
    const flow = `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: ${'['.repeat(50000)}${']'.repeat(50000)}\n`;
    const block = `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: ${'- '.repeat(20000)}x\n`;
    const json = `{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"A": ${'['.repeat(50000)}${']'.repeat(50000)}}}}}`;
    const started = Date.now();
    for (const [file, text] of [
      ['flow.yaml', flow],
      ['block.yaml', block],
      ['deep.json', json],
    ] as const) {
      const set = readCloudFormation(file, text);
      expect(set?.resources).toEqual([]);
      expect(set?.problems).toEqual([
        expect.objectContaining({
          file,
          line: expect.any(Number),
          message: expect.stringContaining('nesting deeper than 64'),
        }),
      ]);
    }
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('nesting within the bound is read', () => {
    const { properties } = props(`      A: ${'['.repeat(40)}1${']'.repeat(40)}`);
    expect(JSON.stringify(properties.A)).toBe(`${'['.repeat(40)}1${']'.repeat(40)}`);
  });
});
