/** A customer as the experiment subgraph knows it: profile owns the rest; only the key travels. */
export interface CustomerReference {
  id: string;
}
