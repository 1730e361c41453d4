// A handler built ahead of time, as most projects deploy one: compiled to dist/ with a
// source map beside the output. The handler string names the built file
// (precompiled/dist/app.handler); breakpoints go in this source.
type Event = { name?: string };

export const handler = async (event: Event) => {
  const shout = (event.name ?? 'world').toUpperCase();
  return { shout, built: __filename.endsWith('.js') };
};
