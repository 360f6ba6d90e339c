// ts-jest wants a named, versioned transformer with a factory; this wraps the Nest CLI's swagger plugin with the
// same options as nest-cli.json, so the OpenAPI document built in tests equals the committed one.
const plugin = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (compiler) =>
  plugin.before(
    { classValidatorShim: true, introspectComments: true, dtoFileNameSuffix: ['.dto.ts'] },
    compiler.program,
  );
