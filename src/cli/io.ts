// What the CLI may touch of the outside world; bin/ passes the real process, tests a fake.
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  stderrIsTTY?: boolean;
}

export function defaultLang(env: Record<string, string | undefined>): 'zh' | 'en' {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}
