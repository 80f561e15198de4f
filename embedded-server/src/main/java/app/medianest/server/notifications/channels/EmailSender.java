package app.medianest.server.notifications.channels;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;

/**
 * Email over SMTP (Jakarta Mail, Angus implementation). Settings: {@code host}, {@code port} (default 587 with
 * STARTTLS, 465 with TLS, 25 without), {@code security} ({@code starttls}, {@code tls} or {@code none}),
 * {@code username} (authentication when set; the password is the channel's secret) and {@code from}.
 * Certificates are checked against the JVM's trust store.
 */
public final class EmailSender implements ChannelSender {
    private final Duration timeout;

    public EmailSender(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String incomplete(ChannelConfig c) {
        if (c.setting("host").isEmpty()) {
            return "email needs the SMTP host";
        }
        if (c.setting("from").isEmpty()) {
            return "email needs a from address";
        }
        String sec = security(c);
        if (!sec.equals("starttls") && !sec.equals("tls") && !sec.equals("none")) {
            return "security must be starttls, tls or none";
        }
        return null;
    }

    static String security(ChannelConfig c) {
        return c.setting("security").orElse("starttls").toLowerCase(Locale.ROOT);
    }

    @Override
    public void send(ChannelConfig c, Outgoing m) {
        if (m.recipient() == null || m.recipient().isBlank()) {
            throw new DeliveryException("no email address", true, null);
        }
        String security = security(c);
        String port = c.setting("port").orElse(switch (security) {
            case "tls" -> "465";
            case "none" -> "25";
            default -> "587";
        });
        Properties p = new Properties();
        String proto = security.equals("tls") ? "smtps" : "smtp";
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", c.setting("host").orElseThrow());
        p.put("mail." + proto + ".port", port);
        p.put("mail." + proto + ".connectiontimeout", Long.toString(timeout.toMillis()));
        p.put("mail." + proto + ".timeout", Long.toString(timeout.toMillis()));
        p.put("mail." + proto + ".writetimeout", Long.toString(timeout.toMillis()));
        if (security.equals("starttls")) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (security.equals("tls")) {
            p.put("mail.smtps.ssl.checkserveridentity", "true");
        } else if (security.equals("starttls")) {
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        String user = c.setting("username").orElse(null);
        p.put("mail." + proto + ".auth", Boolean.toString(user != null));
        Session session = Session.getInstance(p);
        try {
            MimeMessage msg = new MimeMessage(session);
            msg.setFrom(new InternetAddress(c.setting("from").orElseThrow(), true));
            msg.setRecipients(Message.RecipientType.TO, InternetAddress.parse(m.recipient(), true));
            msg.setSubject("MediaNest: " + m.title(), "UTF-8");
            msg.setText(m.message() + "\n\n-- \nMediaNest. Choose what you receive under Notification settings.",
                    "UTF-8");
            msg.setSentDate(Date.from(m.createdAt()));
            msg.setHeader("X-MediaNest-Event", m.event());
            try (Transport t = session.getTransport(proto)) {
                t.connect(user, user == null ? null : c.secret());
                t.sendMessage(msg, msg.getAllRecipients());
            }
        } catch (AddressException e) {
            throw new DeliveryException("email address not valid", true, e);
        } catch (AuthenticationFailedException e) {
            throw new DeliveryException("the SMTP server rejected the user name or password", false, e);
        } catch (SendFailedException e) {
            boolean rejected = e.getNextException() instanceof SMTPAddressFailedException
                    || (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0);
            throw new DeliveryException("the SMTP server did not take the message" + (rejected
                    ? " (it rejected the address)" : ""), rejected, e);
        } catch (MessagingException e) {
            throw new DeliveryException("the SMTP server could not be reached or failed ("
                    + e.getClass().getSimpleName() + ")", false, e);
        }
    }
}
