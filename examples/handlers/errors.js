// Every way a handler can fail that Lambda reports as a function error.
class ValidationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ValidationError';
    this.field = 'name';
  }
}

exports.throws = async () => {
  throw new ValidationError('name is required');
};

exports.throwsSync = () => {
  throw new Error('thrown synchronously');
};

exports.rejects = () => Promise.reject(new Error('rejected promise'));

exports.rejectsString = async () => {
  throw 'just a string';
};

exports.unhandledRejection = async () => {
  Promise.reject(new Error('nobody handles me'));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return 'not reached';
};

exports.uncaught = async () => {
  setTimeout(() => {
    throw new Error('thrown from a timer');
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return 'not reached';
};

// An error type that cannot travel in an HTTP header: Lambda still reports it by name.
class ОшибкаПроверки extends Error {}
ОшибкаПроверки.prototype.name = 'ОшибкаПроверки';
exports.unicodeName = async () => {
  throw new ОшибкаПроверки('имя обязательно');
};

exports.circular = async () => {
  const value = {};
  value.self = value;
  return value;
};
