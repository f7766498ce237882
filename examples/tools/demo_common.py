# Shared by generate-demo-account.py and the parts in demo_parts/: the demo account id, its clock and
# the resource envelope.
import datetime
A='123456789012'
T='2026-11-20T09:14:03Z'
def ago(days, hour=10):
    base=datetime.datetime(2026,11,20,9,14,3)
    d=base-datetime.timedelta(days=days)
    return d.strftime('%Y-%m-%dT%H:%M:%SZ')
def r(kind,id,attrs,arn=None,tags=None,gaps=None):
    o={'kind':kind,'id':id,'arn':arn,'tags':tags or {},'attributes':attrs}
    if gaps: o['gaps']=gaps
    return o
