import type { Grant, Recording } from '../../domain/recordings/recording';

/**
 * The port through which grants are announced: the colleague hears they can watch, the teacher
 * how it went. Implemented where cards are rendered (src/teams/grantNotices.ts).
 */
export interface GrantNotices {
  /**
   * The colleague can watch now: a card with a link bound to them. False when it could not reach
   * them (no chat with the bot, and none could be opened); for fragments the teacher is told so.
   */
  ready(grant: Grant, recording: Recording): Promise<boolean>;
  /** The fragments could not be cut: the teacher hears it, the colleague hears nothing. */
  failed(grant: Grant, recording: Recording): Promise<void>;
}
