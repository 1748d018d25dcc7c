/**
 * core/v1 Events as client-go's event recorder writes them: named after the object, referencing it,
 * and aggregated (a repeat bumps `count` and `lastTimestamp`). Builders only; the API server stores them.
 */
import type { KubeObject } from './objects.ts';

/** What a component reports as an Event (the kubelet's `Warning  AppArmor  Cannot enforce AppArmor: …`). */
export type EventInput = {
  /** The object the event is about (a stored object: its kind, name, namespace and uid are referenced). */
  readonly involvedObject: KubeObject;
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
  /** `kubelet`, `default-scheduler` … */
  readonly component: string;
  /** The node name for kubelet events. */
  readonly host?: string;
};

/**
 * A new Event object.
 * @param event what happened
 * @param namespace the involved object's namespace
 * @param sequence a per-server counter standing in for the recorder's timestamp suffix
 * @param now the caller's clock reading (RFC 3339)
 * @returns the Event, named `<object>.<16 hex digits>` like client-go's
 * @example buildEvent(input, 'default', 1, '2024-05-01T10:00:00Z').metadata.name // → 'hello.17a0000000000001'
 */
export function buildEvent(event: EventInput, namespace: string, sequence: number, now: string): KubeObject {
  const target = event.involvedObject.metadata;
  // client-go names events `%v.%x` of the object name and the time in nanoseconds; a counter keeps
  // transcripts deterministic while keeping the shape.
  const name = `${target.name ?? ''}.${(0x17a0000000000000n + BigInt(sequence)).toString(16)}`;
  return {
    apiVersion: 'v1', kind: 'Event', metadata: { name },
    involvedObject: { kind: event.involvedObject.kind, namespace, name: target.name, uid: target.uid, apiVersion: event.involvedObject.apiVersion },
    reason: event.reason, message: event.message, type: event.type,
    source: { component: event.component, ...(event.host ? { host: event.host } : {}) },
    firstTimestamp: now, lastTimestamp: now, count: 1,
  };
}

/**
 * Whether a stored Event is the same event again (same object, type, reason and message).
 * @param stored a stored Event
 * @param event the new report
 * @param namespace the involved object's namespace
 * @returns true when the recorder would aggregate them
 * @example isRepeatOf(buildEvent(input, 'default', 1, t), input, 'default') // → true
 */
export function isRepeatOf(stored: KubeObject, event: EventInput, namespace: string): boolean {
  const involved = stored['involvedObject'] as { uid?: string } | undefined;
  return stored['reason'] === event.reason && stored['message'] === event.message && stored['type'] === event.type &&
    stored.metadata.namespace === namespace && involved?.uid === event.involvedObject.metadata.uid;
}

/**
 * The stored Event after one more occurrence.
 * @param stored the stored Event
 * @param now the caller's clock reading
 * @returns a copy with `count` + 1 and `lastTimestamp` = now
 * @example repeatEvent(stored, '2024-05-01T10:01:00Z')['count'] // → 2 after the first repeat
 */
export function repeatEvent(stored: KubeObject, now: string): KubeObject {
  return { ...stored, count: Number(stored['count'] ?? 1) + 1, lastTimestamp: now };
}
