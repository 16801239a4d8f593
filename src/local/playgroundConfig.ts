import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

export interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

interface PlaygroundConfig {
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  [key: string]: unknown;
}

export function readPlaygroundConfig(path: string): PlaygroundConfig {
  return parse(readFileSync(path, 'utf8')) as PlaygroundConfig;
}

export function playgroundPeople(path: string): PlaygroundUser[] {
  const config = readPlaygroundConfig(path);
  return [config.currentUser, ...config.users];
}

/**
 * The same school seen by another of its people: that person becomes the current user (with a
 * personal chat of their own) and the original current user takes their place among the five users.
 */
export function writePlaygroundConfigFor(sourcePath: string, userId: string, targetPath: string): PlaygroundUser {
  const config = readPlaygroundConfig(sourcePath);
  const person = config.users.find((user) => user.id === userId);
  if (!person) throw new Error(`${userId} is not one of the users in ${sourcePath}`);
  const switched: PlaygroundConfig = {
    ...config,
    currentUser: person,
    users: config.users.map((user) => (user.id === userId ? config.currentUser : user)),
    personalChat: { id: `personal-chat-${userId}` },
  };
  writeFileSync(targetPath, stringify(switched));
  return person;
}
