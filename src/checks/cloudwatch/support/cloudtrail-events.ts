/**
 * Sample CloudTrail records, shaped as CloudTrail delivers them to CloudWatch Logs, that a CIS 4.x metric
 * filter must catch. They carry the fields filters commonly test (eventSource, eventName, errorCode,
 * userIdentity, eventType, sourceIPAddress, ...), with realistic values.
 */

export type CloudTrailEvent = Record<string, unknown>;

/** A named sample: the name is what a message shows when no filter catches it. */
export interface SampleEvent {
  name: string;
  event: CloudTrailEvent;
}

const ACCOUNT = '111122223333';

const IAM_USER = {
  type: 'IAMUser',
  principalId: 'AIDAEXAMPLEUSER00001',
  arn: `arn:aws:iam::${ACCOUNT}:user/jane`,
  accountId: ACCOUNT,
  accessKeyId: 'ASIAEXAMPLEKEY000001',
  userName: 'jane',
  sessionContext: { attributes: { mfaAuthenticated: 'false', creationDate: '2026-06-01T11:58:00Z' } },
};

const ROOT = {
  type: 'Root',
  principalId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:root`,
  accountId: ACCOUNT,
  accessKeyId: 'ASIAEXAMPLEROOT00001',
};

function record(fields: CloudTrailEvent): CloudTrailEvent {
  return {
    eventVersion: '1.11',
    userIdentity: IAM_USER,
    eventTime: '2026-06-01T12:00:00Z',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.10',
    userAgent: 'aws-cli/2.17.0',
    requestParameters: null,
    responseElements: null,
    requestID: '5d9c0a3e-0000-4000-8000-000000000001',
    eventID: '7c1f4b2a-0000-4000-8000-000000000001',
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    ...fields,
  };
}

/** A successful management API call by an IAM user, e.g. `apiCall('iam', 'PutUserPolicy')`. */
export function apiCall(service: string, eventName: string, fields: CloudTrailEvent = {}): SampleEvent {
  return {
    name: eventName,
    event: record({ eventSource: `${service}.amazonaws.com`, eventName, ...fields }),
  };
}

/** One successful call per event name, all from the same service. */
export function apiCalls(service: string, eventNames: readonly string[]): SampleEvent[] {
  return eventNames.map((eventName) => apiCall(service, eventName));
}

/** A console sign-in, as CloudTrail records it (eventType AwsConsoleSignIn). */
export function consoleLogin(
  name: string,
  outcome: 'Success' | 'Failure',
  options: { mfaUsed?: 'Yes' | 'No'; root?: boolean } = {},
): SampleEvent {
  return {
    name,
    event: record({
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      eventType: 'AwsConsoleSignIn',
      userIdentity: options.root
        ? { type: 'Root', principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT }
        : {
            type: 'IAMUser',
            principalId: 'AIDAEXAMPLEUSER00001',
            arn: IAM_USER.arn,
            accountId: ACCOUNT,
            userName: 'jane',
          },
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
      responseElements: { ConsoleLogin: outcome },
      additionalEventData: {
        LoginTo: 'https://console.aws.amazon.com/console/home',
        MobileVersion: 'No',
        MFAUsed: options.mfaUsed ?? 'No',
      },
      ...(outcome === 'Failure' ? { errorMessage: 'Failed authentication' } : {}),
    }),
  };
}

/** A call made with the root user's credentials. */
export function rootCall(service: string, eventName: string): SampleEvent {
  return {
    name: `${eventName} by the root user`,
    event: apiCall(service, eventName, { userIdentity: ROOT }).event,
  };
}

/** A call refused for lack of permission, with the error code the service returns. */
export function deniedCall(service: string, eventName: string, errorCode: string): SampleEvent {
  return {
    name: `${eventName} refused with ${errorCode}`,
    event: apiCall(service, eventName, {
      errorCode,
      errorMessage: 'You are not authorized to perform this operation.',
      readOnly: true,
    }).event,
  };
}

/**
 * An everyday read no CIS 4.x filter is about: a filter that matches it also matches everything else
 * (a catch-all), which detects the events but alarms on noise.
 */
export const UNRELATED_EVENT: CloudTrailEvent = record({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'DescribeInstances',
  readOnly: true,
  userIdentity: {
    type: 'AssumedRole',
    principalId: 'AROAEXAMPLEROLE00001:ci',
    arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/ci`,
    accountId: ACCOUNT,
  },
});
