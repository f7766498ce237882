// Connects to the database (an example of what not to do).
const config = {
  host: 'db.internal',
  user: 'app',
  password: 'Tr0ub4dor&3xQ!9vK', // planted: generic-password
};

module.exports = { config };
