/** Consulting's pages and JSON API: self-declarations, the front-runner comparison, enquiries and the FAQ. */
package org.stdhub.consulting.web;
