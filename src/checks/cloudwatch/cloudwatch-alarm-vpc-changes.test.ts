import { testCheck } from '../../testing/check-tester.js';
import check from './cloudwatch-alarm-vpc-changes.js';
import { chainCases, monitored } from './support/monitoring-fixtures.js';

const CIS_PATTERN =
  '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }';

const chain = chainCases(CIS_PATTERN);

testCheck(check, {
  pass: [chain.complete],
  fail: [
    {
      name: 'a filter that leaves out RejectVpcPeeringConnection',
      resources: monitored(
        '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) }',
      ),
      message: /no filter matches RejectVpcPeeringConnection/,
    },
    chain.alarmSilent,
  ],
  notEvaluated: [chain.alarmsNotListed],
});
