/**
 * The errno values the kernel model returns, with Linux x86-64 numbers and the `strerror` texts that
 * programs print. Data only; which syscall returns which errno lives with the syscall.
 */

/** Linux errno numbers (asm-generic/errno-base.h, errno.h). */
export const ERRNO = {
  EPERM: 1,
  ENOENT: 2,
  ESRCH: 3,
  EIO: 5,
  ENOEXEC: 8,
  EBADF: 9,
  EAGAIN: 11,
  EACCES: 13,
  EBUSY: 16,
  EEXIST: 17,
  EXDEV: 18,
  ENOTDIR: 20,
  EISDIR: 21,
  EINVAL: 22,
  ENOTEMPTY: 39,
  ELOOP: 40,
  EAFNOSUPPORT: 97,
  EADDRINUSE: 98,
  EPROTONOSUPPORT: 93,
} as const;

/** An errno name such as `EACCES`. */
export type Errno = keyof typeof ERRNO;

/** `strerror` texts, as glibc prints them. */
export const ERRNO_TEXT: Record<Errno, string> = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  ESRCH: 'No such process',
  EIO: 'Input/output error',
  ENOEXEC: 'Exec format error',
  EBADF: 'Bad file descriptor',
  EAGAIN: 'Resource temporarily unavailable',
  EACCES: 'Permission denied',
  EBUSY: 'Device or resource busy',
  EEXIST: 'File exists',
  EXDEV: 'Invalid cross-device link',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  EAFNOSUPPORT: 'Address family not supported by protocol',
  EADDRINUSE: 'Address already in use',
  EPROTONOSUPPORT: 'Protocol not supported',
};
