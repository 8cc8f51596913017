/**
 * Blob containers the engine writes; infra/ declares the same. A file of its own so infra can import
 * the names without the blob SDK.
 */
export const blobContainers = {
  /** Datasets published for Power BI (Parquet, CSV twins, schemas). */
  datasets: 'datasets',
} as const;

/** The container datasets are published in. */
export const datasetsContainer = blobContainers.datasets;
