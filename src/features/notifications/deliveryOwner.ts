import { AsyncLocalStorage } from 'node:async_hooks';
import type { DeliveryOwner } from '../../domain/deliveries/delivery';

/**
 * Who started the work a delivery belongs to. The Teams layer runs each turn inside
 * `asDeliveryOwner(person)`, so every delivery the turn queues knows whom to tell when it cannot
 * be delivered, without each feature passing it on. Jobs run without one: the beheerder is told.
 */
const owners = new AsyncLocalStorage<DeliveryOwner>();

export function asDeliveryOwner<T>(owner: DeliveryOwner | undefined, work: () => T): T {
  return owner ? owners.run(owner, work) : work();
}

export function currentDeliveryOwner(): DeliveryOwner | undefined {
  return owners.getStore();
}
