// Allocates until V8's heap limit (set from the memory size) stops it.
exports.handler = async () => {
  const hoard = [];
  for (;;) hoard.push(new Array(1_000_000).fill(Math.random()));
};
