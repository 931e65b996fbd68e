package io.github.faktorytestkit.worker;

import java.util.List;
import java.util.Map;

/** Builds the handler a processor calls: the middleware, outermost first, around the lookup by jobtype. */
final class Dispatch {
  private Dispatch() {}

  static JobHandler chain(Map<String, JobHandler> handlers, List<JobMiddleware> middleware) {
    JobHandler chain = job -> {
      JobHandler handler = handlers.get(job.jobtype());
      if (handler == null) {
        throw new UnknownJobTypeException(job.jobtype(), handlers.keySet());
      }
      handler.perform(job);
    };
    for (int i = middleware.size() - 1; i >= 0; i--) {
      JobMiddleware around = middleware.get(i);
      JobHandler next = chain;
      chain = job -> around.perform(job, next);
    }
    return chain;
  }
}
