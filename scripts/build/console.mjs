// Placeholder step: filled in by the work that builds this part.
export async function build() {}
