/**
 * The container images the simulated registry serves (busybox, nginx, ubuntu): their tags, digests,
 * sizes, default command and which command wording runs inside them (BusyBox applets or GNU tools).
 * Data plus a reference parser; the runtime builds container file systems from it.
 */

/** One image of the simulated registry. */
export type ImageInfo = {
  /** the repository as written in pod specs (`busybox`) */
  readonly repository: string;
  /** `docker.io/library/busybox` */
  readonly fullName: string;
  /** the manifest digest pods' imageID shows */
  readonly digest: string;
  /** bytes, for the kubelet's `Image size:` */
  readonly size: number;
  /** the image's CMD when the pod gives no command */
  readonly defaultCommand: readonly string[];
  /** message wording of the commands inside */
  readonly flavour: 'gnu' | 'busybox';
  /** `/etc/os-release` PRETTY_NAME, when the image has one */
  readonly prettyName?: string;
};

const IMAGES: readonly ImageInfo[] = [
  {
    repository: 'busybox', fullName: 'docker.io/library/busybox', size: 2159953, defaultCommand: ['sh'], flavour: 'busybox',
    digest: 'sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7',
  },
  {
    repository: 'nginx', fullName: 'docker.io/library/nginx', size: 72099410, defaultCommand: ['nginx', '-g', 'daemon off;'], flavour: 'gnu',
    digest: 'sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a', prettyName: 'Debian GNU/Linux 12 (bookworm)',
  },
  {
    repository: 'ubuntu', fullName: 'docker.io/library/ubuntu', size: 29754290, defaultCommand: ['/bin/bash'], flavour: 'gnu',
    digest: 'sha256:80dd3c3b9c6cecb9f1667e9290b3bc61b78c2678c02cbdae5f0fea92cc6734ab', prettyName: 'Ubuntu 24.04.1 LTS',
  },
];

/** A parsed image reference. */
export type ImageRef = { readonly repository: string; readonly tag: string; readonly image?: ImageInfo };

/**
 * Parses an image reference as the runtime normalises it (`busybox` → `docker.io/library/busybox:latest`).
 * @param reference the pod's `image`
 * @returns repository, tag and the known image if the registry has it
 * @example parseImage('busybox:1.28').tag // → '1.28'
 */
export function parseImage(reference: string): ImageRef {
  const noDigest = reference.split('@')[0] ?? reference;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  const path = hasTag ? noDigest.slice(0, colon) : noDigest;
  const tag = hasTag ? noDigest.slice(colon + 1) : 'latest';
  const repository = path.replace(/^(docker\.io\/)?(library\/)?/, '');
  const image = IMAGES.find((i) => i.repository === repository);
  return image ? { repository, tag, image } : { repository, tag };
}

/**
 * The imageID a container status shows.
 * @param ref a parsed reference of a known image
 * @param runtime docker prints `docker-pullable://busybox@…`, containerd `docker.io/library/busybox@…`
 * @returns the image ID text
 * @example imageId(parseImage('busybox'), 'containerd') // → 'docker.io/library/busybox@sha256:9ae9…'
 */
export function imageId(ref: ImageRef, runtime: 'docker' | 'containerd'): string {
  if (!ref.image) return '';
  return runtime === 'docker' ? `docker-pullable://${ref.repository}@${ref.image.digest}` : `${ref.image.fullName}@${ref.image.digest}`;
}
