import { DomainError, messageLanguage, type createLogger } from '@cobranza/platform';
import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { PROBLEM_CONTENT_TYPE, problemType, type Problem } from './problem';

type Logger = ReturnType<typeof createLogger>;

/** Every error leaves the gateway as problem+json with a stable code; internals are never leaked. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    const problem = this.toProblem(exception, req);
    problem.correlationId = res.getHeader('x-correlation-id')?.toString();
    if (problem.status >= 500) this.logger.error({ err: exception, path: req.path }, problem.detail);
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, req: Request): Problem {
    if (exception instanceof DomainError) {
      return this.problem(exception.status, exception.code, exception.message, exception.details);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message =
        typeof body === 'object' && body !== null && 'message' in body ? String((body as { message: unknown }).message) : exception.message;
      if (status === 404) {
        const route = `${req.method} ${req.path}`.slice(0, 200);
        const detail = messageLanguage() === 'en' ? `There is no route ${route}.` : `No existe la ruta ${route}.`;
        return this.problem(status, 'route.not_found', detail);
      }
      return this.problem(status, status === 400 ? 'request.invalid' : `http.${status}`, message);
    }
    return this.problem(HttpStatus.INTERNAL_SERVER_ERROR, 'internal_error', 'An unexpected error occurred; it has been logged.');
  }

  private problem(status: number, code: string, detail: string, errors?: Record<string, string>): Problem {
    const problem: Problem = { type: problemType(code), code, title: STATUS_CODES[status] ?? 'Error', status, detail };
    if (errors && Object.keys(errors).length > 0) problem.errors = errors;
    return problem;
  }
}
