package org.stdhub.platform;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the platform's e-mails. With {@code spring.mail.host} set, through that server; without it (a
 * developer machine) the message is written to the log instead, so that links can still be followed.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final MessageSource messages;
    private final String from;
    private final String baseUrl;

    Mailer(
            ObjectProvider<JavaMailSender> sender,
            MessageSource messages,
            @Value("${stdhub.mail.from:StdHub <noreply@stdhub.local>}") String from,
            @Value("${stdhub.base-url:http://localhost:8080}") String baseUrl) {
        this.sender = sender;
        this.messages = messages;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    /** The platform's public address, for links in messages. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Sends a message whose subject and body are message keys (body gets {@code args}). */
    public void send(String to, Locale locale, String subjectKey, String bodyKey, Object... args) {
        String subject = messages.getMessage(subjectKey, null, locale);
        String body = messages.getMessage(bodyKey, args, locale);
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            log.info("mail (no spring.mail.host configured, not sent) to {}: {}\n{}", to, subject, body);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        mail.send(message);
    }
}
