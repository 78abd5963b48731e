#!/usr/bin/env node
// The baseline: what a script does today. The official Alibaba Cloud Node.js SDK (@alicloud/ecs20140526, pinned by
// tests/NodeSdk/package-lock.json) removes N memberships one after another in a plain loop.
// Usage: node sequential-leave.js <emulator url> <N> <security group id> <node_modules dir> [keyId secret]
// Instance ids are the benchmark's: i-bp1 + the 1-based index in 8 digits. Prints one JSON line.
'use strict';
const path = require('path');

const [base, nText, groupId, modules, keyId, secret] = process.argv.slice(2);
if (!base || !nText || !groupId || !modules) {
  console.error('usage: node sequential-leave.js <emulator url> <N> <security group id> <node_modules dir> [keyId secret]');
  process.exit(2);
}
let OpenApi, Ecs;
try {
  OpenApi = require(path.join(modules, '@alicloud/openapi-client'));
  Ecs = require(path.join(modules, '@alicloud/ecs20140526'));
} catch (e) {
  console.error(`The official SDK is not installed in ${modules}: run \`npm ci\` in tests/NodeSdk (${e.message})`);
  process.exit(3);
}

const n = parseInt(nText, 10);
const client = new Ecs.default(new OpenApi.Config({
  accessKeyId: keyId || 'LTAI5tEmulatorAccessKey',
  accessKeySecret: secret || 'EmulatorAccessKeySecret0000000000',
  endpoint: new URL(base).host,
  protocol: 'http',
  regionId: 'cn-hangzhou',
}));

(async () => {
  let failed = 0, firstError = null;
  const start = process.hrtime.bigint();
  for (let i = 1; i <= n; i++) {
    const instanceId = 'i-bp1' + String(i).padStart(8, '0');
    try {
      await client.leaveSecurityGroup(new Ecs.LeaveSecurityGroupRequest({ regionId: 'cn-hangzhou', instanceId, securityGroupId: groupId }));
    } catch (e) {
      failed++;
      if (!firstError) firstError = (e && (e.code || e.message)) || String(e);
    }
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(JSON.stringify({ n, ms, failed, firstError }));
})();
