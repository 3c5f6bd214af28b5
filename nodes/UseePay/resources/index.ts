/**
 * Every resource of the node, one line each: UseePay.node.ts derives the Resource options, the
 * properties, `customOperations` and list searches from this list (each resource's folder holds
 * its operations, locator and list). Adding a resource is its folder plus one line here.
 */
export { checkoutSession } from './checkoutSession';
export { customer } from './customer';
export { invoice } from './invoice';
export { mandate } from './mandate';
export { paymentIntent } from './paymentIntent';
export { paymentLink } from './paymentLink';
export { paymentMethod } from './paymentMethod';
export { refund } from './refund';
export { subscription } from './subscription';
export { webhook } from './webhook';
