import { testCheck } from '../../testing/check-tester.js';
import check from './cloudwatch-alarm-security-group-changes.js';
import { chainCases, monitored } from './support/monitoring-fixtures.js';

const CIS_PATTERN =
  '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }';

const chain = chainCases(CIS_PATTERN);

testCheck(check, {
  pass: [
    chain.complete,
    {
      name: 'the same events caught by a wildcard on the event name',
      resources: monitored('{ ($.eventName = *SecurityGroup*) }'),
    },
  ],
  fail: [
    {
      name: 'a filter that leaves out DeleteSecurityGroup',
      resources: monitored(
        '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) }',
      ),
      message: /no filter matches DeleteSecurityGroup/,
    },
    chain.alarmSilent,
  ],
  notEvaluated: [chain.alarmsNotListed],
});
