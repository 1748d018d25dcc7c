import { describe, expect, it } from 'vitest';
import { executeJsonPath, parseJsonPath } from '../../src/sim/cluster/jsonpath.ts';

const nodes = {
  kind: 'List',
  items: [
    {
      metadata: { name: 'controlplane', labels: { 'kubernetes.io/hostname': 'controlplane' } },
      status: {
        nodeInfo: { kubeletVersion: 'v1.14.0', containerRuntimeVersion: 'docker://19.3.2' },
        conditions: [
          { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory' },
          { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status. AppArmor enabled' },
        ],
        capacity: { cpu: '2', pods: 110 },
      },
    },
    { metadata: { name: 'node01' }, status: { nodeInfo: { kubeletVersion: 'v1.14.1' }, conditions: [] } },
  ],
};

function run(template: string, data: unknown = nodes): string {
  const parsed = parseJsonPath(template);
  if (!parsed.ok) throw new Error(parsed.error);
  return executeJsonPath(parsed, data);
}

describe('kubectl JSONPath', () => {
  it('joins the values of one expression with spaces', () => {
    expect(run('{.items[*].metadata.name}')).toBe('controlplane node01');
  });

  it('ranges over items with literal text and a newline literal', () => {
    expect(run('{range .items[*]}{@.metadata.name}: {@.status.nodeInfo.kubeletVersion}\n{end}'))
      .toBe('controlplane: v1.14.0\nnode01: v1.14.1\n');
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{end}')).toBe('controlplane\tnode01\t');
  });

  it('filters a list by a field value', () => {
    expect(run('{.items[0].status.conditions[?(@.reason=="KubeletReady")].message}'))
      .toBe('kubelet is posting ready status. AppArmor enabled');
    expect(run('{.items[*].status.conditions[?(@.type!="Ready")].type}')).toBe('MemoryPressure');
  });

  it('prints nothing for a missing key, as kubectl allows missing template keys', () => {
    expect(run('{.items[1].status.nodeInfo.containerRuntimeVersion}')).toBe('');
    expect(run('x{.nope}y')).toBe('xy');
  });

  it('prints maps and lists as compact JSON with sorted keys, numbers plainly', () => {
    expect(run('{.items[0].status.capacity}')).toBe('{"cpu":"2","pods":110}');
    expect(run('{.items[0].status.capacity.pods}')).toBe('110');
  });

  it('supports negative indexes, slices, escaped dots and recursive descent', () => {
    expect(run('{.items[-1].metadata.name}')).toBe('node01');
    expect(run('{.items[0:1].metadata.name}')).toBe('controlplane');
    expect(run('{.items[0].metadata.labels.kubernetes\\.io/hostname}')).toBe('controlplane');
    expect(run("{.items[0].metadata.labels['kubernetes.io/hostname']}")).toBe('controlplane');
    expect(run('{..kubeletVersion}')).toBe('v1.14.0 v1.14.1');
  });

  it('reports an unclosed action and a stray end', () => {
    expect(parseJsonPath('{.items')).toEqual({ ok: false, error: 'unclosed action' });
    expect(parseJsonPath('{end}')).toEqual({ ok: false, error: 'not in range, nothing to end' });
  });
});
