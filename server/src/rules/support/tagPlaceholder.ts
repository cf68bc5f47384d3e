/** The tag the "Pin a tag" fix writes: valid in a reference, impossible to mistake for a real version; the user replaces it. */
export const TAG_PLACEHOLDER = 'PIN-A-VERSION';
