/** The enquiries' tables and files: enquiries, their attachments, the routing table and the FAQ. */
package org.stdhub.consulting.enquiry;
