package no.forlop.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole application in a real browser: Debian's headless Chromium driven by Selenium (installed
 * by .ci/run). One browser per test class; sign in as a demo user (password "demo").
 */
public abstract class BrowserTest extends ApplicationTest {

  protected static WebDriver browser;
  private static ChromeDriverService service;
  private static Path profile;

  @BeforeAll
  static void startBrowser() throws Exception {
    profile = Files.createTempDirectory("forlop-chromium");
    var options = new ChromeOptions();
    options.setBinary(new File("/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--lang=nb",
        "--user-data-dir=" + profile);
    // a Norwegian user's browser: pages follow Accept-Language (issue 16), and headless Chromium
    // sends en-US whatever --lang says unless its preference says otherwise
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "nb,no,en"));
    // the console, so a test can read what the browser refused (CSP violations; issue 14)
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Signs out whoever is signed in, then signs in as a demo user. */
  protected void signInAs(String user) {
    browser.manage().deleteAllCookies();
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.id("sign-in")).click();
    waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
  }

  protected WebElement find(By by) {
    return browser.findElement(by);
  }

  protected <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
    return new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
  }

  /**
   * What the browser wrote to its console since the last call that says the page broke the
   * Content-Security-Policy ("Refused to …"), as messages; empty when it kept to it.
   */
  protected java.util.List<String> contentSecurityPolicyViolations() {
    return browser
        .manage()
        .logs()
        .get(org.openqa.selenium.logging.LogType.BROWSER)
        .getAll()
        .stream()
        .map(org.openqa.selenium.logging.LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
        .toList();
  }

  /**
   * Saves a screenshot of the current page to docs/screenshots/NAME.png (the README links them).
   */
  protected void screenshot(String name) throws Exception {
    var root = Path.of("").toAbsolutePath();
    if (!Files.exists(root.resolve("docs"))) {
      root = root.getParent();
    }
    var target = root.resolve("docs/screenshots/" + name + ".png");
    Files.createDirectories(target.getParent());
    var png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(target, png);
  }
}
