#!/usr/bin/env node
// Proof that the emulator speaks the real protocol: the official Alibaba Cloud Node.js SDK (pinned by
// package-lock.json) drives it unmodified. Usage: node sdk-proof.js http://127.0.0.1:8080
// Prints one line per check ("ok <name>" or "FAIL <name>: why") and exits non-zero if any check failed.
'use strict';

const OpenApi = require('@alicloud/openapi-client');
const OpenApiUtil = require('@alicloud/openapi-util').default;
const TeaUtil = require('@alicloud/tea-util');
const Ecs = require('@alicloud/ecs20140526');
const Alb = require('@alicloud/alb20200616');

const base = (process.argv[2] || process.env.EMULATOR_URL || '').replace(/\/+$/, '');
if (!base) {
  console.error('usage: node sdk-proof.js <emulator base url, e.g. http://127.0.0.1:8080>');
  process.exit(2);
}
const endpoint = new URL(base).host; // host:port, as the SDK wants it
const KEY_ID = 'LTAI5tSdkProofKey';
const SECRET = 'SdkProofSecret00000000000000000';
const STS_ID = 'STS.SdkProofKey';
const STS_SECRET = 'SdkProofStsSecret000000000000000';
const STS_TOKEN = 'CAIS-sdk-proof-token';

// Everything this script touches, with short asynchronous timings so it finishes in a few seconds.
const fixture = {
  credentials: [
    { accessKeyId: KEY_ID, accessKeySecret: SECRET, securityToken: null },
    { accessKeyId: STS_ID, accessKeySecret: STS_SECRET, securityToken: STS_TOKEN },
  ],
  securityGroups: [
    { securityGroupId: 'sg-proofa', regionId: 'cn-hangzhou', vpcId: 'vpc-proof' },
    { securityGroupId: 'sg-proofb', regionId: 'cn-hangzhou', vpcId: 'vpc-proof' },
  ],
  instances: [
    { instanceId: 'i-proof1', regionId: 'cn-hangzhou', status: 'Running', securityGroupIds: ['sg-proofa', 'sg-proofb'] },
    { instanceId: 'i-proof2', regionId: 'cn-hangzhou', status: 'Running', securityGroupIds: ['sg-proofa'] },
  ],
  loadBalancers: [
    { loadBalancerId: 'alb-proof1', regionId: 'cn-hangzhou', status: 'Active', securityGroupIds: ['sg-proofa', 'sg-proofb'] },
  ],
  vpcEndpoints: [
    { endpointId: 'ep-proof1', regionId: 'cn-hangzhou', status: 'Active', securityGroupIds: ['sg-proofa', 'sg-proofb'], locked: false },
  ],
  behavior: { albJobMilliseconds: 300, endpointDetachMilliseconds: 300, endpointCooldownMilliseconds: 600,
              notMemberErrorCode: 'InstanceNotInSecurityGroup' },
};

let failures = 0;
function ok(name, detail) { console.log(`ok ${name}${detail ? ' (' + detail + ')' : ''}`); }
function fail(name, why) { failures++; console.log(`FAIL ${name}: ${why}`); }

async function check(name, fn) {
  try {
    const detail = await fn();
    ok(name, detail);
  } catch (e) {
    fail(name, e && e.message ? e.message : String(e));
  }
}

// Runs a call that must fail in the SDK with the given service code (and HTTP status when given).
async function expectError(name, expectedCode, expectedStatus, fn) {
  try {
    await fn();
    fail(name, `expected ${expectedCode} but the call succeeded`);
  } catch (e) {
    const code = e && (e.code || (e.data && e.data.Code));
    const status = e && (e.statusCode || (e.data && e.data.statusCode));
    if (code !== expectedCode) fail(name, `expected ${expectedCode}, got ${code}: ${e && e.message}`);
    else if (expectedStatus && status !== expectedStatus) fail(name, `expected HTTP ${expectedStatus}, got ${status}`);
    else ok(name, `${code}, HTTP ${status}`);
  }
}

function assert(cond, message) { if (!cond) throw new Error(message); }
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function admin(method, path, body) {
  const res = await fetch(`${base}/_emulator/${path}`, {
    method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`admin ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

function config(extra) {
  return new OpenApi.Config(Object.assign({
    accessKeyId: KEY_ID, accessKeySecret: SECRET, endpoint, protocol: 'http', regionId: 'cn-hangzhou',
  }, extra || {}));
}

// PrivateLink has no typed package here: it goes through openapi-client's generic callApi, as any product can.
function privateLinkParams(action) {
  return new OpenApi.Params({
    action, version: '2020-04-15', protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK',
    style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
  });
}
async function callPrivateLink(client, action, query, useBody) {
  const request = new OpenApi.OpenApiRequest(useBody ? { body: OpenApiUtil.query(query) } : { query: OpenApiUtil.query(query) });
  return client.callApi(privateLinkParams(action), request, new TeaUtil.RuntimeOptions({}));
}

async function main() {
  await admin('PUT', 'state', fixture);
  await admin('POST', 'reset');

  const ecs = new Ecs.default(config());
  const alb = new Alb.default(config());
  const generic = new OpenApi.default(config());

  // ECS
  await check('ecs LeaveSecurityGroup success', async () => {
    const r = await ecs.leaveSecurityGroup(new Ecs.LeaveSecurityGroupRequest({ instanceId: 'i-proof1', securityGroupId: 'sg-proofb', regionId: 'cn-hangzhou' }));
    assert(r.statusCode === 200 && r.body.requestId, 'no RequestId');
    return `RequestId ${r.body.requestId}`;
  });
  await check('ecs DescribeInstances shows the removal', async () => {
    const r = await ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', instanceIds: JSON.stringify(['i-proof1']) }));
    const inst = r.body.instances.instance[0];
    assert(inst.instanceId === 'i-proof1', 'instance missing');
    const groups = inst.securityGroupIds.securityGroupId;
    assert(groups.length === 1 && groups[0] === 'sg-proofa', `groups are ${JSON.stringify(groups)}`);
    return `TotalCount ${r.body.totalCount}`;
  });
  await expectError('ecs LeaveSecurityGroup last group -> InstanceLastSecurityGroup', 'InstanceLastSecurityGroup', 403, () =>
    ecs.leaveSecurityGroup(new Ecs.LeaveSecurityGroupRequest({ instanceId: 'i-proof2', securityGroupId: 'sg-proofa' })));

  // ALB
  await expectError('alb LoadBalancerLeaveSecurityGroup DryRun -> DryRunOperation', 'DryRunOperation', 400, () =>
    alb.loadBalancerLeaveSecurityGroup(new Alb.LoadBalancerLeaveSecurityGroupRequest({ loadBalancerId: 'alb-proof1', securityGroupIds: ['sg-proofb'], dryRun: true })));
  let jobId;
  await check('alb LoadBalancerLeaveSecurityGroup success returns JobId', async () => {
    const r = await alb.loadBalancerLeaveSecurityGroup(new Alb.LoadBalancerLeaveSecurityGroupRequest({ loadBalancerId: 'alb-proof1', securityGroupIds: ['sg-proofb'], clientToken: 'sdk-proof-token-1' }));
    jobId = r.body.jobId;
    assert(jobId && r.body.requestId, 'no JobId');
    return `JobId ${jobId}`;
  });
  await check('alb ListAsynJobs reaches Succeeded', async () => {
    for (let i = 0; i < 100; i++) {
      const r = await alb.listAsynJobs(new Alb.ListAsynJobsRequest({ jobIds: [jobId] }));
      const job = r.body.jobs[0];
      assert(job && job.id === jobId, 'job not listed');
      if (job.status === 'Succeeded') return `after ${i + 1} polls`;
      assert(job.status === 'Processing', `job is ${job.status}`);
      await sleep(100);
    }
    throw new Error('job never finished');
  });
  await check('alb GetLoadBalancerAttribute shows the removal', async () => {
    const r = await alb.getLoadBalancerAttribute(new Alb.GetLoadBalancerAttributeRequest({ loadBalancerId: 'alb-proof1' }));
    assert(r.body.loadBalancerStatus === 'Active', `status ${r.body.loadBalancerStatus}`);
    assert(JSON.stringify(r.body.securityGroupIds) === JSON.stringify(['sg-proofa']), `groups ${JSON.stringify(r.body.securityGroupIds)}`);
  });
  await expectError('alb unknown load balancer -> ResourceNotFound.LoadBalancer', 'ResourceNotFound.LoadBalancer', 404, () =>
    alb.loadBalancerLeaveSecurityGroup(new Alb.LoadBalancerLeaveSecurityGroupRequest({ loadBalancerId: 'alb-nosuch', securityGroupIds: ['sg-proofa'] })));

  // PrivateLink, V3 signature, parameters in the query string
  await expectError('privatelink DetachSecurityGroupFromVpcEndpoint DryRun -> DryRunOperation', 'DryRunOperation', 400, () =>
    callPrivateLink(generic, 'DetachSecurityGroupFromVpcEndpoint', { RegionId: 'cn-hangzhou', EndpointId: 'ep-proof1', SecurityGroupId: 'sg-proofb', DryRun: true }));
  await check('privatelink DetachSecurityGroupFromVpcEndpoint success', async () => {
    const r = await callPrivateLink(generic, 'DetachSecurityGroupFromVpcEndpoint', { RegionId: 'cn-hangzhou', EndpointId: 'ep-proof1', SecurityGroupId: 'sg-proofb', ClientToken: 'sdk-proof-token-2' });
    assert(r.statusCode === 200 && r.body.RequestId, 'no RequestId');
    return `RequestId ${r.body.RequestId}`;
  });
  await check('privatelink ListVpcEndpointSecurityGroups shows Detaching then gone', async () => {
    const first = await callPrivateLink(generic, 'ListVpcEndpointSecurityGroups', { RegionId: 'cn-hangzhou', EndpointId: 'ep-proof1' });
    const b = first.body.SecurityGroups.find((g) => g.SecurityGroupId === 'sg-proofb');
    assert(!b || b.SecurityGroupStatus === 'Detaching', `sg-proofb is ${b && b.SecurityGroupStatus}`);
    for (let i = 0; i < 100; i++) {
      const r = await callPrivateLink(generic, 'ListVpcEndpointSecurityGroups', { RegionId: 'cn-hangzhou', EndpointId: 'ep-proof1' });
      if (!r.body.SecurityGroups.some((g) => g.SecurityGroupId === 'sg-proofb')) return `after ${i + 1} polls`;
      await sleep(100);
    }
    throw new Error('group never left');
  });
  await expectError('privatelink unknown endpoint -> EndpointNotFound', 'EndpointNotFound', 400, () =>
    callPrivateLink(generic, 'DetachSecurityGroupFromVpcEndpoint', { RegionId: 'cn-hangzhou', EndpointId: 'ep-nosuch', SecurityGroupId: 'sg-proofa' }));

  // The older V2 (HMAC-SHA1) signature, parameters in a form body, and STS credentials in the V3 header.
  await check('privatelink GetVpcEndpointAttribute with V2 signature and form body', async () => {
    const v2 = new OpenApi.default(config({ signatureAlgorithm: 'v2' }));
    const r = await callPrivateLink(v2, 'GetVpcEndpointAttribute', { RegionId: 'cn-hangzhou', EndpointId: 'ep-proof1' }, true);
    assert(r.body.EndpointId === 'ep-proof1', 'wrong endpoint');
    return `EndpointStatus ${r.body.EndpointStatus}`;
  });
  await check('ecs DescribeSecurityGroups with STS credentials', async () => {
    const sts = new Ecs.default(config({ accessKeyId: STS_ID, accessKeySecret: STS_SECRET, securityToken: STS_TOKEN }));
    const r = await sts.describeSecurityGroups(new Ecs.DescribeSecurityGroupsRequest({ regionId: 'cn-hangzhou' }));
    assert(r.body.securityGroups.securityGroup.length === 2, 'expected 2 groups');
    return `TotalCount ${r.body.totalCount}`;
  });

  // Wrong secret
  await expectError('wrong secret -> SignatureDoesNotMatch', 'SignatureDoesNotMatch', 400, () =>
    new Ecs.default(config({ accessKeySecret: 'not-the-secret' })).describeInstances(new Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou' })));

  // Each effective change exactly once in the journal.
  await check('journal has exactly one entry per removal', async () => {
    const journal = await admin('GET', 'journal');
    const summary = journal.map((e) => `${e.action}:${e.resourceId}:${e.securityGroupIds.join('+')}`).sort();
    const expected = [
      'DetachSecurityGroupFromVpcEndpoint:ep-proof1:sg-proofb',
      'LeaveSecurityGroup:i-proof1:sg-proofb',
      'LoadBalancerLeaveSecurityGroup:alb-proof1:sg-proofb',
    ];
    assert(JSON.stringify(summary) === JSON.stringify(expected), `journal is ${JSON.stringify(summary)}`);
  });
}

main()
  .catch((e) => fail('sdk-proof', e && e.stack ? e.stack : String(e)))
  .finally(() => {
    console.log(failures === 0 ? 'sdk-proof: all checks passed' : `sdk-proof: ${failures} check(s) failed`);
    process.exit(failures === 0 ? 0 : 1);
  });
