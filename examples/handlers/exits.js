// A handler that ends its own process, and a module that does so while loading (EXIT_DURING_INIT=1).
if (process.env.EXIT_DURING_INIT === '1') process.exit(3);

exports.handler = async () => {
  process.exit(1);
};
