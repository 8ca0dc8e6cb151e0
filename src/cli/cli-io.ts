/** What a CLI runner writes to and where it stands; main() passes the process's, tests their own. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}
