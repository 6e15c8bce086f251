package org.stdhub.consulting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The consulting module's configuration ({@code stdhub.consulting.*}).
 *
 * @param answerWorkingDays the service level: an enquiry is due this many working days (Monday to Friday) after it
 *     was submitted
 * @param attachmentMaxBytes the largest attachment of an enquiry
 * @param maxAttachments attachments per enquiry
 */
@ConfigurationProperties("stdhub.consulting")
public record ConsultingProperties(
        @DefaultValue("5") int answerWorkingDays,
        @DefaultValue("5242880") long attachmentMaxBytes,
        @DefaultValue("5") int maxAttachments) {}
