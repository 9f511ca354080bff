package org.spinefoot.service;

/** A request the service refuses with this status; the message names the field at fault. */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final String field;

  HttpError(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }
}
