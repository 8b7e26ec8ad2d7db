package no.forlop.ingest.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.ArrayList;
import no.forlop.access.Users;
import no.forlop.ingest.IntakeService;
import no.forlop.ingest.fhir.FhirDeliveryReader;
import no.forlop.ingest.referral.GpReferrals;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FHIR R4 endpoint: HAPI's plain {@link RestfulServer} as a servlet of its own at {@code
 * /fhir/*}, beside Spring MVC's dispatcher (which therefore never sees {@code /fhir}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FhirEndpointSettings.class)
class FhirEndpointConfiguration {

  static final String PATH = "/fhir";

  @Bean
  FilterRegistrationBean<RequestGuard> fhirRequestGuard(FhirEndpointSettings settings) {
    var registration =
        new FilterRegistrationBean<>(new RequestGuard(settings.maxBodySize().toBytes()));
    registration.addUrlPatterns(PATH + "/*", PATH);
    registration.setName("fhirRequestGuard");
    return registration;
  }

  @Bean
  ServletRegistrationBean<RestfulServer> fhirEndpoint(
      IntakeService intake,
      FhirEndpointSettings settings,
      GpReferrals gpReferrals,
      Users users,
      MessageSource messages) {
    var fhir = FhirContext.forR4Cached();
    var types = new FhirDeliveryReader().resourceTypes();
    var deliveries = new Deliveries(intake);

    var server = new RestfulServer(fhir);
    server.setServerName("Forløp");
    server.setImplementationDescription("Forløp's FHIR R4 endpoint for EHR events");
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    var resources =
        types.stream()
            .<IResourceProvider>map(type -> new ResourceWrites(fhir, type, deliveries))
            .toList();
    server.setResourceProviders(resources);
    var bundles = new BundleWrites(deliveries);
    server.registerProvider(bundles);
    // issue 17 (ADR 0043): a GP's system polls the status of the GP's referrals
    var referralTasks = new ReferralTasks(gpReferrals, users, messages);
    server.registerProvider(referralTasks);
    var providers = new ArrayList<Object>(resources);
    providers.add(bundles);
    providers.add(referralTasks);
    server.registerInterceptor(new UnparsedBodies(fhir));
    server.registerInterceptor(
        new ErrorOutcomes(
            fhir, types, new RequestGuard(settings.maxBodySize().toBytes()).tooLarge()));
    server.registerInterceptor(new Capabilities(types));
    // every search's parameters checked before HAPI chooses a method (else 405 for one it lacks)
    server.registerInterceptor(new SearchParameters(fhir, providers));

    var registration = new ServletRegistrationBean<>(server, PATH + "/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
