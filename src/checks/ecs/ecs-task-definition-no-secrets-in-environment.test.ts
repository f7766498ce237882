import { expect, it } from 'vitest';
import type { EcsContainer } from '../../core/kinds/compute.js';
import { withGap } from '../../testing/builders.js';
import { runCase, testCheck } from '../../testing/check-tester.js';
import { ecsContainer, ecsTaskDefinition } from '../../testing/compute-kinds.js';
import check from './ecs-task-definition-no-secrets-in-environment.js';

// Assembled from parts, so that no scanner mistakes this file for a leak.
const STRIPE_KEY = ['sk', '_live_', '4eC39HqLyjWDarjtT1zdp7dc'].join('');

const container = (name: string, environment: Record<string, string>, secrets: string[] = []) =>
  ecsContainer(name, { environment, secretsFromParameters: secrets });

const taskDefinition = (...containers: EcsContainer[]) =>
  ecsTaskDefinition(containers, { family: 'payments' });

testCheck(check, {
  pass: [
    {
      name: 'a task that takes its Stripe key from Secrets Manager through `secrets`',
      resources: [
        taskDefinition(container('api', { PORT: '8080' }, ['STRIPE_API_KEY']), container('proxy', {})),
      ],
      message: /^Task definition payments:7 has no hardcoded secret in the environment of its 2 containers$/,
    },
  ],
  fail: [
    {
      name: 'a Stripe live key typed into the environment of one container',
      resources: [
        taskDefinition(container('proxy', {}), container('api', { PAYMENT_PROVIDER_KEY: STRIPE_KEY })),
      ],
      message:
        /^Task definition payments:7 has hardcoded secrets in container environments: container api: PAYMENT_PROVIDER_KEY \(Stripe live secret key\)$/,
    },
    {
      name: 'a database password in the environment',
      resources: [taskDefinition(container('api', { SPRING_DATASOURCE_PASSWORD: 'payments-db-2024' }))],
      message: /container api: SPRING_DATASOURCE_PASSWORD \(literal value under a secret-like name\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the task definition could not be described',
      resources: [withGap(taskDefinition(), 'containers', 'access-denied', 'ecs:DescribeTaskDefinition')],
      reason: 'access-denied',
    },
  ],
});

it('never shows the key it found', () => {
  const [result] = runCase(check, {
    name: 'a key',
    resources: [taskDefinition(container('api', { KEY: STRIPE_KEY }))],
  });
  expect(result?.evidence).toEqual({
    findings: [{ where: 'container api: KEY', rule: 'stripe-secret-key', redacted: 'sk_l…(32 chars)' }],
  });
  expect(JSON.stringify(result)).not.toContain(STRIPE_KEY.slice(4));
});
