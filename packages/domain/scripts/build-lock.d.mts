/** Waits for the build lock (at most four minutes) and takes it; returns the function that lets it go. */
export function acquireBuildLock(): () => void;
