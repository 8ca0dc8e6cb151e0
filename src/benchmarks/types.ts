/** A benchmark question after loading: the split is always resolved. */
export interface Benchmark {
  id: string;
  question: string;
  /** Expected SQL, run on the warehouse to get the expected result. */
  sql: string;
  split: 'train' | 'holdout';
  tags: string[];
  /** True/false when the file says so; undefined means "order matters when the expected SQL has ORDER BY". */
  orderMatters?: boolean;
}

export interface BenchmarkSet {
  /** Space name (the file is benchmarks/<space>.yml). */
  space: string;
  file: string;
  benchmarks: Benchmark[];
}
