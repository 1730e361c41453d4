// Callback-style handlers (Node.js runtimes up to 22).
exports.handler = (event, context, callback) => {
  setTimeout(() => callback(null, { hello: event.name }), 5);
};

// The result waits for the event loop to empty: the timer below still runs first.
exports.waits = (event, context, callback) => {
  const order = [];
  setTimeout(() => {
    order.push('timer');
    console.log('timer fired', order.join(','));
  }, 50);
  order.push('callback');
  callback(null, 'done');
};

// With callbackWaitsForEmptyEventLoop = false the result goes out at once, despite a pending timer.
exports.noWait = (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = false;
  setTimeout(() => console.log('late timer'), 60_000).unref?.();
  setTimeout(() => {}, 60_000);
  callback(null, 'immediate');
};

exports.fails = (event, context, callback) => {
  callback(new TypeError('bad input'));
};

exports.contextSucceed = (event, context) => {
  context.succeed({ via: 'context.succeed' });
};
