/**
 * The apiserver's `validateSeccompProfileField` (pkg/apis/core/validation): a `seccompProfile` in a pod's or
 * a container's securityContext needs a known type, and a Localhost profile a relative path without `..`.
 */
import { fieldError, type FieldError } from './field-errors.ts';
import type { PodSpec } from './objects.ts';

type SeccompProfile = NonNullable<NonNullable<PodSpec['securityContext']>['seccompProfile']>;

const SECCOMP_PROFILE_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];

/**
 * @param profile - the `seccompProfile` value, if any
 * @param path - its field path, e.g. `spec.securityContext.seccompProfile`
 * @returns the apiserver's errors, in its order
 * @example validateSeccompProfileField({ type: 'Localhost' }, 'spec.securityContext.seccompProfile')[0].detail
 *   // → 'must be set when seccomp type is Localhost'
 */
export function validateSeccompProfileField(profile: SeccompProfile | undefined, path: string): FieldError[] {
  if (profile === undefined || profile === null) return [];
  const errors: FieldError[] = [];
  const type = typeof profile.type === 'string' ? profile.type : '';
  if (type === '') errors.push(fieldError.required(`${path}.type`, 'type is required when seccompProfile is set'));
  else if (!SECCOMP_PROFILE_TYPES.includes(type)) errors.push(fieldError.notSupported(`${path}.type`, type, SECCOMP_PROFILE_TYPES));
  if (type === 'Localhost') {
    const local = profile.localhostProfile;
    if (typeof local !== 'string') errors.push(fieldError.required(`${path}.localhostProfile`, 'must be set when seccomp type is Localhost'));
    else errors.push(...validateLocalDescendingPath(local, `${path}.localhostProfile`));
  }
  return errors;
}

/** `validateLocalDescendingPath`: relative, and no `..` element (one error is enough, as upstream says). */
function validateLocalDescendingPath(target: string, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (target.startsWith('/')) errors.push(fieldError.invalid(path, target, 'must be a relative path'));
  if (target.split('/').includes('..')) errors.push(fieldError.invalid(path, target, "must not contain '..'"));
  return errors;
}
