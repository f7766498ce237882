import { defineS3DataEventsCheck } from './support/s3-data-events.js';

export default defineS3DataEventsCheck({
  id: 'cloudtrail-s3-data-events-read',
  title: 'A multi-region trail records S3 object-level read events for all buckets',
  description:
    'Some logging, multi-region trail records S3 data events of type read for every bucket (CIS 3.9): basic event selectors on all S3 objects (`arn:aws:s3`), or advanced selectors on AWS::S3::Object data events not narrowed to some buckets. Management events never show object reads (GetObject, ...).',
  risk: 'Without object-level read events, data exfiltrated from a bucket by stolen credentials leaves no record: what was taken, and by whom, cannot be told.',
  access: 'read',
});
