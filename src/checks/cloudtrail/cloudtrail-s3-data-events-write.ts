import { defineS3DataEventsCheck } from './support/s3-data-events.js';

export default defineS3DataEventsCheck({
  id: 'cloudtrail-s3-data-events-write',
  title: 'A multi-region trail records S3 object-level write events for all buckets',
  description:
    'Some logging, multi-region trail records S3 data events of type write for every bucket (CIS 3.8): basic event selectors on all S3 objects (`arn:aws:s3`), or advanced selectors on AWS::S3::Object data events not narrowed to some buckets. Management events never show object writes (PutObject, DeleteObject, ...).',
  risk: 'Without object-level write events, deleted, overwritten or planted objects (ransomware, tampering) leave no record of who did it or from where.',
  access: 'write',
});
