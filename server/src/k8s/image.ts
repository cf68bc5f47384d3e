/** An image reference's repository and tag (`registry:5000/app:1.2` -> `registry:5000/app`, `1.2`). */
export function splitImage(image: string): { repository: string; tag?: string } {
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon > slash) return { repository: image.slice(0, colon), tag: image.slice(colon + 1) };
  return { repository: image };
}
