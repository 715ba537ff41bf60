import type { TokenPurpose } from '../../shared/tokens';
import type { Deps } from '../deps';

type LinkDeps = Pick<Deps, 'config' | 'tokens'>;

/** A signed link under PUBLIC_URL for one purpose. */
export function link(
  deps: LinkDeps,
  path: string,
  purpose: TokenPurpose,
  enrollmentId: string,
  extra: Record<string, string> = {},
  ref?: string,
): string {
  const params = new URLSearchParams({ token: deps.tokens.sign(purpose, enrollmentId, ref), ...extra });
  return `${deps.config.publicUrl}${path}?${params.toString()}`;
}

/** The links every email footer carries. */
export function footerLinks(deps: LinkDeps, enrollmentId: string) {
  return {
    unsubscribeUrl: link(deps, '/unsubscribe', 'unsubscribe', enrollmentId),
    privacyUrl: link(deps, '/privacy', 'privacy', enrollmentId),
    settingsUrl: link(deps, '/settings', 'settings', enrollmentId),
    postalAddress: deps.config.postalAddress,
  };
}
