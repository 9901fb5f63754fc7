/**
 * The code themes: GitHub's Primer palette ("-default" themes), with one change
 * so every token keeps WCAG AA contrast (4.5:1) on the site's code background:
 * light comments (#6e7781, 4.2:1 on #f6f8fa) use Primer's darker muted grey.
 */
import githubLightDefault from '@shikijs/themes/github-light-default';
import type { ThemeRegistration } from 'shiki';

const FAINT_COMMENT = '#6e7781';
const READABLE_COMMENT = '#57606a';

export const lightTheme: ThemeRegistration = {
  ...githubLightDefault,
  name: 'github-light-default-aa',
  tokenColors: (githubLightDefault.tokenColors ?? []).map((rule) =>
    rule.settings.foreground?.toLowerCase() === FAINT_COMMENT
      ? { ...rule, settings: { ...rule.settings, foreground: READABLE_COMMENT } }
      : rule,
  ),
};

export const darkTheme = 'github-dark-default';
