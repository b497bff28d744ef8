/** The dialog's `id` for "add a document" (no real `_id` is empty: the server never makes one). */
export const NEW_DOCUMENT = '';
