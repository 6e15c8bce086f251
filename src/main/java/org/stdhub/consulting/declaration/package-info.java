/** The self-declarations' tables: declarations, their versions, declared standards and indicators, and flags. */
package org.stdhub.consulting.declaration;
