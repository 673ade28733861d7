// Work that must wait until the frame showing the DOM as it is now has been
// painted: the benchmark's "painted" marks, the next slice of a long article,
// the article's suggestions. All of it goes through `afterNextPaint`, whose
// tasks are posted messages, run in the order they were asked for. (A timer
// task, as these once used, may run before or after a posted message; the
// "painted" mark then sometimes waited on the render of an article's second
// slice and counted it as painting time.)

/**
 * Runs `run` in the first task after the next frame (where style, layout and
 * paint run), in order with other calls; returns a function that cancels it.
 */
export function afterNextPaint(run: () => void): () => void {
  let cancelled = false;
  if (typeof requestAnimationFrame !== "function" || typeof MessageChannel !== "function") {
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (!cancelled) run();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}
